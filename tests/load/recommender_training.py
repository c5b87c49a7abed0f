#!/usr/bin/env python3
"""Seed files for the recommender training benchmark (docs/performance.md, "Issue 20: recommender training at scale").

  recommender_training.py files NETWORK OUTDIR    writes OUTDIR/users.tsv (accounts_users rows, one per person of the
                                                  network) and OUTDIR/ratings.tsv (recommendation_ratings rows) for
                                                  LOAD DATA LOCAL INFILE; NETWORK is the file ChatApp.RecommenderEval
                                                  --generate wrote (rater, ratee, rating, unix time; people 0..N-1)
  recommender_training.py user-id N               the account id of person N
"""
import datetime, os, sys, uuid

COLUMNS = ["Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash",
           "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled",
           "AccessFailedCount", "DisplayName", "CreatedAt", "Handle", "NormalizedHandle", "Discoverable", "NameSearchKey"]
RATING_COLUMNS = ["RaterId", "RateeId", "Score", "CreatedAt", "UpdatedAt"]


def user_id(n):
    return str(uuid.UUID(int=(0x5EED << 96) | n))


def files(network, out):
    os.makedirs(out, exist_ok=True)
    people = 0
    with open(network) as source, open(os.path.join(out, "ratings.tsv"), "w") as ratings:
        for line in source:
            rater, ratee, score, stamp = line.split()[:4]
            rater, ratee = int(rater), int(ratee)
            people = max(people, rater + 1, ratee + 1)
            when = datetime.datetime.fromtimestamp(int(stamp), datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
            ratings.write(f"{user_id(rater)}\t{user_id(ratee)}\t{score}\t{when}\t{when}\n")
    with open(os.path.join(out, "users.tsv"), "w") as users:
        for n in range(people):
            uid = user_id(n)
            email = f"rt-{n}@example.com"
            key = f"person {n}\x1f\x1f{uuid.UUID(uid).hex}"
            values = [uid, email, email.upper(), email, email.upper(), "1", "AQAAAAIAAYagAAAAE" + "x" * 67,
                      uuid.uuid4().hex.upper(), str(uuid.uuid4()), "0", "0", "1", "0", f"Person {n}", "2026-10-01 00:00:00",
                      "\\N", "\\N", "1", key]
            users.write("\t".join(values) + "\n")
    print(people)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "files":
        files(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "user-id":
        print(user_id(int(sys.argv[2])))
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
