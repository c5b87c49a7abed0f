"""People search at scale (docs/performance.md, "Issue 19: people search"); driven by tests/load/people-search.sh.

  people_search.py seed-mysql USERS            prints INSERTs for accounts_users (pipe them into the mariadb client)
  people_search.py seed-sqlite USERS FILE      inserts into the embedded default's accounts.db
  people_search.py measure BASE_URL QUERIES    signs up one user and times GET /api/v1/users/search over a query mix

Seeded rows carry the same NameSearchKey and search terms as the app stores (Accounts' NameSearchKeys: folded name,
초성, id; every suffix of the folded name and of its 초성)."""
import json, random, statistics, sys, time, unicodedata, urllib.parse, urllib.request, uuid

FAMILY = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = "민준서연지우현수하윤도예은시영진주원호재성경혜미태희유나다아소정승건동훈석빈채린"
FIRST = ["John", "José", "Ana", "Zoë", "Marie", "François", "Jürgen", "Chloé", "Liam", "Noah", "Emma", "Olivia",
         "Lucas", "Mia", "Sofía", "Mateo", "Renée", "Björn", "Anaïs", "Ethan"]
LAST = ["Smith", "García", "Müller", "Dubois", "Kim", "Lee", "Park", "Silva", "Rossi", "Novák", "Brown", "Jones",
        "López", "Martin", "Bernard"]
INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"


def is_hangul(c):
    o = ord(c)
    return 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F or 0xA960 <= o <= 0xA97F or 0xD7B0 <= o <= 0xD7FF


def fold(text):
    out, space = [], False
    for c in unicodedata.normalize("NFC", text):
        if c.isspace() or unicodedata.category(c) == "Cc":
            space = bool(out)
            continue
        if space:
            out.append(" ")
            space = False
        if is_hangul(c):
            out.append(c)
            continue
        for part in unicodedata.normalize("NFKD", c):
            if part.isspace():
                space = bool(out)
            elif unicodedata.category(part) not in ("Mn", "Mc", "Me"):
                out.append(part.lower())
    return "".join(out)


def choseong(text):
    return "".join(INITIALS[(ord(c) - 0xAC00) // 588] if 0xAC00 <= ord(c) <= 0xD7A3 else c for c in fold(text))


def terms(name):
    out = set()
    for part in (fold(name)[:100], choseong(name)[:100]):
        out.update(part[i:][:32] for i in range(len(part)) if part[i] != " ")
    return sorted(out)


def people(count):
    rng = random.Random(19)
    for i in range(count):
        if rng.random() < 0.7:
            name = rng.choice(FAMILY) + rng.choice(GIVEN) + rng.choice(GIVEN)
        else:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        uid = uuid.UUID(int=rng.getrandbits(128), version=4)
        handle = f"user{i}" if rng.random() < 0.6 else None
        roll = rng.random()
        yield {
            "id": uid, "name": name, "handle": handle, "key": f"{fold(name)}\x1f{choseong(name)}\x1f{uid.hex}",
            "discoverable": 0 if roll < 0.05 else 1,
            "deactivated": "2026-11-01 00:00:00" if 0.05 <= roll < 0.06 else None,
            "banned": "2026-11-01 00:00:00" if 0.06 <= roll < 0.065 else None,
        }


COLUMNS = ["Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash",
           "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled",
           "AccessFailedCount", "DisplayName", "CreatedAt", "Handle", "NormalizedHandle", "Discoverable", "NameSearchKey",
           "DeactivatedAt", "BannedAt"]


def row(p, guid):
    email = f"seed-{p['id'].hex}@example.com"
    return [guid(p["id"]), email, email.upper(), email, email.upper(), 1, "AQAAAAIAAYagAAAAE" + "x" * 67,
            uuid.uuid4().hex.upper(), str(uuid.uuid4()), 0, 0, 1, 0, p["name"], "2026-10-01 00:00:00", p["handle"],
            p["handle"], p["discoverable"], p["key"], p["deactivated"], p["banned"]]


def sql_literal(v):
    if v is None:
        return "NULL"
    if isinstance(v, int):
        return str(v)
    return "'" + v.replace("\\", "\\\\").replace("'", "''") + "'"


def seed_mysql(count):
    print("SET NAMES utf8mb4; SET autocommit=0;")
    batch = []
    for p in people(count):
        batch.append("(" + ",".join(sql_literal(v) for v in row(p, str)) + ")")
        if len(batch) == 1000:
            print(f"INSERT INTO accounts_users ({','.join(COLUMNS)}) VALUES " + ",".join(batch) + ";")
            batch = []
    if batch:
        print(f"INSERT INTO accounts_users ({','.join(COLUMNS)}) VALUES " + ",".join(batch) + ";")
    rows = []
    for p in people(count):
        rows.extend(f"({sql_literal(t)},'{p['id']}')" for t in terms(p["name"]))
        if len(rows) >= 2000:
            print("INSERT INTO accounts_people_search_terms (Term, UserId) VALUES " + ",".join(rows) + ";")
            rows = []
    if rows:
        print("INSERT INTO accounts_people_search_terms (Term, UserId) VALUES " + ",".join(rows) + ";")
    print("COMMIT; ANALYZE TABLE accounts_users, accounts_people_search_terms;")


def seed_sqlite(count, file):
    import sqlite3
    db = sqlite3.connect(file, timeout=60)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    table = "users" if "users" in tables else "accounts_users"
    db.executemany(f"INSERT INTO \"{table}\" ({','.join(COLUMNS)}) VALUES ({','.join('?' * len(COLUMNS))})",
                   (row(p, lambda g: str(g).upper()) for p in people(count)))
    db.executemany(f"INSERT INTO \"{'people_search_terms' if table == 'users' else 'accounts_people_search_terms'}\" (Term, UserId) VALUES (?, ?)",
                   ((t, str(p["id"]).upper()) for p in people(count) for t in terms(p["name"])))
    db.commit()
    db.execute("ANALYZE")
    db.commit()
    db.close()


def call(base, method, path, body=None, token=None):
    request = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"null")


QUERIES = {
    "korean infix (민준, 서연, 지우)": ["민준", "서연", "지우"],
    "초성 (ㄱㅁㅈ, ㅇㅅㅇ, ㅈㅇ)": ["ㄱㅁㅈ", "ㅇㅅㅇ", "ㅈㅇ"],
    "korean, few matches (황빈린)": ["황빈린", "류채석"],
    "latin folded (jose, MULLER, anai)": ["jose", "MULLER", "anai"],
    "handle prefix (user1234, @user777)": ["user1234", "@user777"],
    "no match (qzxw, 뷁)": ["qzxw", "뷁"],
}


def measure(base, total):
    email = f"measure-{uuid.uuid4().hex}@example.com"
    call(base, "POST", "/api/v1/accounts/register", {"email": email, "password": "Measure-Passw0rd", "displayName": "Measurer"})
    token = call(base, "POST", "/api/v1/accounts/login", {"email": email, "password": "Measure-Passw0rd"})["accessToken"]
    mix = [(kind, q) for kind, qs in QUERIES.items() for q in qs]
    fresh = []  # the node's first searches after start (query compilation, cold caches), each query once
    for n, (kind, q) in enumerate(mix * 3):  # warm-up
        start = time.perf_counter()
        call(base, "GET", "/api/v1/users/search?q=" + urllib.parse.quote(q), token=token)
        if n < len(mix):
            fresh.append((q, (time.perf_counter() - start) * 1000))
    timings, found = {kind: [] for kind in QUERIES}, {}
    for i in range(total):
        kind, q = mix[i % len(mix)]
        start = time.perf_counter()
        page = call(base, "GET", "/api/v1/users/search?q=" + urllib.parse.quote(q), token=token)
        timings[kind].append((time.perf_counter() - start) * 1000)
        found[q] = len(page["items"])
    every = sorted(t for ts in timings.values() for t in ts)
    pct = lambda ts, p: sorted(ts)[min(len(ts) - 1, int(round(p / 100 * len(ts) + 0.5)) - 1)]
    print(f"{'queries':45} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for kind, ts in timings.items():
        print(f"{kind:45} {len(ts):5} {statistics.median(ts):8.1f} {pct(ts, 95):8.1f} {max(ts):8.1f}")
    print(f"{'all':45} {len(every):5} {statistics.median(every):8.1f} {pct(every, 95):8.1f} {max(every):8.1f}")
    print("results on the first page:", json.dumps(found, ensure_ascii=False))
    print("fresh node, first round (ms):", ", ".join(f"{q} {ms:.0f}" for q, ms in fresh),
          f"| first search {fresh[0][1]:.0f}, round median {statistics.median(ms for _, ms in fresh):.0f}, max {max(ms for _, ms in fresh):.0f}")
    # Each kind's timings cycle through its queries in order.
    per_query = {q: timings[kind][j::len(qs)] for kind, qs in QUERIES.items() for j, q in enumerate(qs)}
    print("p95 per query (ms):", ", ".join(f"{q} {pct(ts, 95):.0f}" for q, ts in per_query.items() if ts))


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "seed-mysql":
        seed_mysql(int(sys.argv[2]))
    elif mode == "seed-sqlite":
        seed_sqlite(int(sys.argv[2]), sys.argv[3])
    else:
        measure(sys.argv[2], int(sys.argv[3]))
