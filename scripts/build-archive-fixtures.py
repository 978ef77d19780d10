"""Rebuilds fixtures/archives/mixed.zip from fixtures/real-logs (python3 scripts/build-archive-fixtures.py).

The archive holds JSON Lines, a gzipped Records file, an entry whose name climbs out with `../`,
a folder entry and a text file that is not a log, so tests can check each is handled.
"""
import gzip
import json
import zipfile
from pathlib import Path

root = Path(__file__).resolve().parent.parent
lines = (root / "fixtures/real-logs/stratus-red-team/aws.defense-evasion.cloudtrail-stop.jsonl").read_text().splitlines()
more = (root / "fixtures/real-logs/stratus-red-team/aws.persistence.iam-create-admin-user.jsonl").read_text().splitlines()
records = [json.loads(line) for line in more[:3]]

fixed_time = (2024, 8, 1, 12, 0, 0)
with zipfile.ZipFile(root / "fixtures/archives/mixed.zip", "w", compression=zipfile.ZIP_DEFLATED) as archive:
    def add(name, data):
        archive.writestr(zipfile.ZipInfo(name, fixed_time), data, compress_type=zipfile.ZIP_DEFLATED)

    add("logs/", b"")
    add("logs/stop.jsonl", "\n".join(lines) + "\n")
    add("logs/admin.json.gz", gzip.compress(json.dumps({"Records": records[:2]}).encode(), mtime=0))
    add("../escape.json", json.dumps(records[2]))
    add("README.txt", "exported for ticket 4711\n")
print("fixtures/archives/mixed.zip")
