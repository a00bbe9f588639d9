# The reference for `npm run bench:ingest`: Python's sqlite3 loading the same JSONL file into the
# same conversation table (its schema and indexes copied from the project Task Atlas wrote), the
# plain way: json.loads per line, the same stored columns, one executemany in one transaction.
# Usage: python3 bench-ingest-reference.py FILE SCHEMA_DB OUT_DB DATASET   (prints JSON)
import json
import resource
import sqlite3
import sys
import time

file, schema_db, out_db, dataset = sys.argv[1:5]

src = sqlite3.connect(schema_db)
ddl = [sql for (sql,) in src.execute(
    "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN ('conversation_import', 'conversation') "
    "ORDER BY type = 'index', rowid")]
src.close()

db = sqlite3.connect(out_db, isolation_level=None)
db.execute('PRAGMA journal_mode = WAL')
db.execute('PRAGMA synchronous = NORMAL')
for sql in ddl:
    db.execute(sql)
db.execute("INSERT INTO conversation_import (id, dataset, file, format, sha256, status, started_at) VALUES ('ref', ?, ?, 'jsonl', '', 'complete', '')", (dataset, file))


def rows():
    with open(file, encoding='utf-8') as f:
        for line in f:
            o = json.loads(line)
            messages = [{'role': m['role'], 'content': m['content']} for m in o['messages']]
            turns = sum(1 for m in messages if m['role'] == 'user')
            chars = sum(len(m['content']) for m in messages)
            yield (f"{dataset}:{o['id']}", dataset, o.get('account_id'), o.get('model'), o.get('timestamp'),
                   json.dumps(messages, ensure_ascii=False, separators=(',', ':')), turns, chars, 'ref')


t = time.perf_counter()
db.execute('BEGIN')
db.executemany('INSERT OR IGNORE INTO conversation (id, dataset, account_id, model, created_at, messages_json, turns, chars, import_id) '
               'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', rows())
db.execute('COMMIT')
seconds = time.perf_counter() - t
added = db.execute('SELECT count(*) FROM conversation').fetchone()[0]
db.close()
print(json.dumps({'seconds': seconds, 'added': added, 'maxRssKb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
