#!/usr/bin/env python3
"""Reads through a running ChatApp host: the three cached reads, timed per route (see docs/performance.md).

Sets up USERS users in one group room (each sends a message, so every pair has talked), then makes READS requests,
cycling GET /rooms/{id} (room view: room cards and profiles), GET /rooms/{id}/messages (membership check) and
GET /profiles/{id}/score (profile directory and score), each as a different member, one at a time on one keep-alive
connection. Prints median, p90 and mean latency per route in milliseconds.
Usage: query_cache_reads.py BASE_URL [READS] [USERS]
"""
import http.client
import json
import statistics
import sys
import time
import urllib.parse
import uuid

base = urllib.parse.urlparse(sys.argv[1])
reads = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
user_count = int(sys.argv[3]) if len(sys.argv) > 3 else 10
connection = http.client.HTTPConnection(base.hostname, base.port, timeout=30)


def call(method, path, body=None, token=None, expect=(200, 201, 204)):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    connection.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
    response = connection.getresponse()
    data = response.read()
    if response.status not in expect:
        raise SystemExit(f"{method} {path}: {response.status} {data[:300]!r}")
    return json.loads(data) if data else None


users = []
for i in range(user_count):
    email = f"reads-{uuid.uuid4().hex[:12]}@example.com"
    registered = call("POST", "/api/v1/accounts/register", {"email": email, "password": "Corr3ct-Horse", "displayName": f"Reader {i}"})
    tokens = call("POST", "/api/v1/accounts/login", {"email": email, "password": "Corr3ct-Horse"})
    users.append((registered["userId"], tokens["accessToken"]))

room = call("POST", "/api/v1/chat/rooms", {"name": "Reads", "memberIds": [u for u, _ in users[1:]]}, users[0][1])["id"]
for i, (_, token) in enumerate(users):
    call("POST", f"/api/v1/chat/rooms/{room}/messages", {"clientMessageId": uuid.uuid4().hex, "text": f"hello {i}"}, token)

routes = {
    "GET /rooms/{id}": lambda i: f"/api/v1/chat/rooms/{room}",
    "GET /rooms/{id}/messages": lambda i: f"/api/v1/chat/rooms/{room}/messages?limit=20",
    "GET /profiles/{id}/score": lambda i: f"/api/v1/recommendations/profiles/{users[(i + 1) % user_count][0]}/score",
}
timings = {name: [] for name in routes}
names = list(routes)
started = time.perf_counter()
for i in range(reads):
    name = names[i % len(names)]
    token = users[(i // len(names)) % user_count][1]
    t0 = time.perf_counter()
    call("GET", routes[name](i), token=token)
    timings[name].append((time.perf_counter() - t0) * 1000)
elapsed = time.perf_counter() - started

print(f"{reads} reads in {elapsed:.1f} s ({reads / elapsed:.0f}/s), {user_count} users in one room")
for name, values in timings.items():
    values.sort()
    print(f"  {name:28s} median {statistics.median(values):6.2f} ms   p90 {values[int(len(values) * 0.9)]:6.2f} ms   mean {statistics.fmean(values):6.2f} ms")
