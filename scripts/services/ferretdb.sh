#!/usr/bin/env bash
# Builds (once) and starts FerretDB, a MongoDB wire-protocol server, on its SQLite backend.
# Usage: ferretdb.sh start|stop|status|build. Listens where TEST_MONGO_URL points (default 127.0.0.1:27017).
# With FERRETDB_POSTGRESQL_URL (postgres://user@host:port/database, the database created beforehand) it
# runs on FerretDB's PostgreSQL backend instead, which pushes equality filters down to PostgreSQL (the
# SQLite backend pushes down only a lone `_id`): what the benches use for the split deployment at scale.
set -euo pipefail

FERRETDB_VERSION=v1.24.2
# What this script builds: the release plus our four patches (see patch_id_lookups, patch_id_pushdown,
# patch_id_delete, patch_serial_writes). A binary built otherwise (an earlier checkout's) is rebuilt.
FERRETDB_BUILD="$FERRETDB_VERSION+id-index+id-pushdown+id-delete+serial-writes"
root=$(cd "$(dirname "$0")/../.." && pwd)
tools="$root/.tools"
bin="$tools/bin/ferretdb"
pg_url=${FERRETDB_POSTGRESQL_URL:-}
state="$root/.data/ferretdb${pg_url:+-postgresql}"
url=${TEST_MONGO_URL:-mongodb://127.0.0.1:27017}
hostport=${url#mongodb://}; hostport=${hostport%%/*}; hostport=${hostport##*@}
host=${hostport%:*}; port=${hostport##*:}

fail() { echo "ferretdb: $*" >&2; exit 1; }

listening() { (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; }

# FerretDB 1.24's SQLite backend filters `_id` with `_ferretdb_sjson->'$._id' = ?` but indexes it as
# `_ferretdb_sjson->"_id"`: the same value, another expression, so SQLite never uses the `_id` index and every
# lookup, update or delete by `_id` scans the collection (EXPLAIN QUERY PLAN: SCAN), slower as data grows,
# where MongoDB, which this server stands in for, uses its `_id` index. Written in the index's form, the
# filter is a SEARCH of the index; what it matches is unchanged (SQLite reads the label "_id" as '$._id').
patch_id_lookups() {
  local file="$1/internal/backends/sqlite/metadata/metadata.go"
  grep -q "IDColumn = DefaultColumn + \"->'\$._id'\"" "$file" || fail "FerretDB $FERRETDB_VERSION: the _id filter to patch is not where expected ($file)"
  sed -i "s|IDColumn = DefaultColumn + \"->'\$._id'\"|IDColumn = DefaultColumn + \`->\"_id\"\`|" "$file"
  grep -q 'IDColumn = DefaultColumn + `->"_id"`' "$file" || fail "FerretDB $FERRETDB_VERSION: patching the _id filter failed"
}

# FerretDB 1.24's SQLite backend reads the `_id` index only for a filter that is a lone `_id` equality on a string or an
# ObjectID: `_id: {$in: [...]}`, an `_id` beside other conditions, and every numeric `_id` (users, rooms) read and decoded
# every document of the collection (a delete of 50 moved outbox entries decoded all that waited; a user looked up by id,
# all users), where MongoDB reads its `_id` index for all of them. The query now asks SQLite for the rows of those ids
# (`= ?` or `IN (...)`: strings, ObjectIDs and integer-valued numbers, up to 1,000 forms) whatever else the filter says;
# FerretDB's handler filters what comes back by the whole filter as before, so what matches is unchanged.
patch_id_pushdown() {
  local dir="$1/internal/backends/sqlite" file="$1/internal/backends/sqlite/collection.go"
  [ "$(grep -c '^	if params.Filter.Len() == 1 {$' "$file")" = 2 ] \
    || fail "FerretDB $FERRETDB_VERSION: the _id pushdown to patch is not where expected ($file)"
  perl -0pi -e 's/\tif params\.Filter\.Len\(\) == 1 \{\n\t\tv, _ := params\.Filter\.Get\("_id"\)\n\t\tswitch v\.\(type\) \{\n\t\tcase string, types\.ObjectID:\n\t\t\tfilterPushdown = true\n\t\t\twhereClause = [^\n]*\n\t\t\targs = [^\n]*\n\t\t\}\n\t\}\n/\twhereClause, args = idWhereClause(params.Filter)\n\tfilterPushdown = whereClause != "" && params.Filter.Len() == 1\n/; s/\tif params\.Filter\.Len\(\) == 1 \{\n\t\tv, _ := params\.Filter\.Get\("_id"\)\n\t\tswitch v\.\(type\) \{\n\t\tcase string, types\.ObjectID:\n\t\t\twhereClause = [^\n]*\n\t\t\targs = [^\n]*\n\t\t\}\n\t\}\n/\twhereClause, args = idWhereClause(params.Filter)\n/' "$file"
  [ "$(grep -c 'idWhereClause(params.Filter)' "$file")" = 2 ] || fail "FerretDB $FERRETDB_VERSION: patching the _id pushdown failed"
  cat >"$dir/id_where_clause.go" <<'GO'
package sqlite

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// idInMax is the most `_id` forms asked of the index at once.
const idInMax = 1000

// exactInteger bounds the integers every numeric type holds exactly (and writes with the same digits).
const exactInteger = 1 << 53

// idWhereClause returns a WHERE clause reading the `_id` index for the filter's `_id` equality or `$in`
// (strings, ObjectIDs, integer-valued numbers), with or without other conditions, or none. The rows it
// selects include every document the filter matches; the handler applies the whole filter to them.
func idWhereClause(filter *types.Document) (string, []any) {
	ids := 0
	for _, key := range filter.Keys() {
		if key == "_id" {
			ids++
		}
	}
	if ids != 1 {
		return "", nil
	}

	values := []any{must.NotFail(filter.Get("_id"))}
	if operator, ok := values[0].(*types.Document); ok {
		if operator.Len() != 1 || !operator.Has("$in") {
			return "", nil
		}
		in, ok := must.NotFail(operator.Get("$in")).(*types.Array)
		if !ok || in.Len() == 0 {
			return "", nil
		}
		values = values[:0]
		for i := range in.Len() {
			values = append(values, must.NotFail(in.Get(i)))
		}
	}

	var args []any
	for _, value := range values {
		forms, ok := idForms(value)
		if !ok {
			return "", nil
		}
		args = append(args, forms...)
	}
	if len(args) > idInMax {
		return "", nil
	}
	if len(args) == 1 {
		return fmt.Sprintf(` WHERE %s = ?`, metadata.IDColumn), args
	}
	return fmt.Sprintf(` WHERE %s IN (%s)`, metadata.IDColumn, strings.Join(strings.Split(strings.Repeat("?", len(args)), ""), ", ")), args
}

// idForms returns what the `_id` index holds for every document whose `_id` equals value: a string or
// an ObjectID as FerretDB writes it; an integer-valued number up to 2^53 as its digits, which int32,
// int64 and double ids of that value all are (zero also as "-0", a negative zero double). False for
// any other value (the query then reads the collection, as before).
func idForms(value any) ([]any, bool) {
	var n int64
	switch v := value.(type) {
	case string, types.ObjectID:
		return []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}, true
	case int32:
		n = int64(v)
	case int64:
		if v > exactInteger || v < -exactInteger {
			return nil, false
		}
		n = v
	case float64:
		if v != math.Trunc(v) || math.Abs(v) > exactInteger {
			return nil, false
		}
		n = int64(v)
	default:
		return nil, false
	}
	if n == 0 {
		return []any{"0", "-0"}, true
	}
	return []any{strconv.FormatInt(n, 10)}, true
}
GO
}

# A delete by `_id` (`{_id: v}` or `{_id: {$in: [...]}}`) first read and decoded every document it named, filtered them
# again and then deleted their ids: the relay's delete of the outbox entries it moved decoded each entry (its whole
# event) only to delete it (15 % of FerretDB's CPU in the one-room bench). When the filter is nothing but string ids,
# whose stored form only they have (a 24-hex-digit string is left out: an ObjectID is stored in the same form), the
# delete now deletes those ids at once, on the `_id` index; its count is the rows deleted. Any other delete is as before.
patch_id_delete() {
  local file="$1/internal/handler/msg_delete.go"
  grep -q '^func (h \*Handler) execDelete(ctx context.Context, c backends.Collection, p \*common.Delete) (int32, error) {$' "$file" \
    || fail "FerretDB $FERRETDB_VERSION: the delete to patch is not where expected ($file)"
  perl -0pi -e 's/(func \(h \*Handler\) execDelete\(ctx context\.Context, c backends\.Collection, p \*common\.Delete\) \(int32, error\) \{\n)/$1\tif ids, ok := stringIDsOnly(p.Filter, p.Limited); ok \&\& !h.DisablePushdown {\n\t\td, err := c.DeleteAll(ctx, \&backends.DeleteAllParams{IDs: ids})\n\t\tif err != nil {\n\t\t\treturn 0, lazyerrors.Error(err)\n\t\t}\n\n\t\treturn d.Deleted, nil\n\t}\n\n/' "$file"
  grep -q 'stringIDsOnly(p.Filter, p.Limited)' "$file" || fail "FerretDB $FERRETDB_VERSION: patching the delete failed"
  cat >"$1/internal/handler/delete_by_ids.go" <<'GO'
package handler

import (
	"regexp"

	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// idsMax is the most ids a delete deletes without reading them first.
const idsMax = 1000

// objectIDForm is a string stored in the same form as an ObjectID.
var objectIDForm = regexp.MustCompile(`^[0-9a-f]{24}$`)

// stringIDsOnly returns the ids of a filter that is nothing but `_id` equal to, or `$in`, strings whose stored form
// no other type has; a limited delete only for one id. Otherwise false: the delete reads what it matches first.
func stringIDsOnly(filter *types.Document, limited bool) ([]any, bool) {
	if filter.Len() != 1 || filter.Keys()[0] != "_id" {
		return nil, false
	}

	values := []any{must.NotFail(filter.Get("_id"))}
	if operator, ok := values[0].(*types.Document); ok {
		if operator.Len() != 1 || operator.Keys()[0] != "$in" {
			return nil, false
		}
		in, ok := must.NotFail(operator.Get("$in")).(*types.Array)
		if !ok || in.Len() == 0 || in.Len() > idsMax {
			return nil, false
		}
		values = values[:0]
		for i := range in.Len() {
			values = append(values, must.NotFail(in.Get(i)))
		}
	}

	if limited && len(values) != 1 {
		return nil, false
	}

	for _, value := range values {
		id, ok := value.(string)
		if !ok || objectIDForm.MatchString(id) {
			return nil, false
		}
	}

	return values, true
}
GO
}

# FerretDB 1.24's SQLite backend opens up to 100 connections per database and lets their write transactions
# contend for SQLite's one write lock: a writer that finds it taken sleeps in SQLite's busy handler (1, 2, 5, 10,
# 15, 20, 25 ms...) and retries, so under concurrent writes each waits for its next poll rather than for the
# writer before it (strace of the one-room bench: ~2 s of such sleeps per 4 s). Writes of one database now take a
# Go mutex around their transaction (and around the autocommit statements: deletes, DDL), so they queue and each
# starts the moment the one before it commits; reads still run alongside (WAL).
patch_serial_writes() {
  local file="$1/internal/util/fsql/db.go"
  grep -q '^func (db \*DB) InTransaction(ctx context.Context, f func(\*Tx) error) (err error) {$' "$file" \
    && grep -q '^func (db \*DB) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {$' "$file" \
    || fail "FerretDB $FERRETDB_VERSION: the write paths to patch are not where expected ($file)"
  perl -0pi -e 's/\t"log\/slog"\n/\t"log\/slog"\n\t"sync"\n/; s/(\tBatchSize int\n)\}/$1\n\twrites sync.Mutex\n}/; s/(func \(db \*DB\) (?:ExecContext|InTransaction)\([^\n]*\{\n)/$1\tdb.writes.Lock()\n\tdefer db.writes.Unlock()\n\n/g' "$file"
  [ "$(grep -c 'db.writes.Lock()' "$file")" = 2 ] && grep -q 'writes sync.Mutex' "$file" || fail "FerretDB $FERRETDB_VERSION: patching the write paths failed"
}

build() {
  [ -x "$bin" ] && [ "$(cat "$bin.build" 2>/dev/null)" = "$FERRETDB_BUILD" ] && return 0
  command -v go >/dev/null || fail "Go is needed to build FerretDB $FERRETDB_VERSION (install Go >= 1.22), or point TEST_MONGO_URL at a running MongoDB."
  echo "ferretdb: building $FERRETDB_BUILD (once; takes a minute or two)"
  # `go install ...@version` needs the module proxy's version list, which is not always reachable;
  # downloading the exact version and building it needs only the module itself.
  local dir src
  dir=$(cd /tmp && go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [ -n "$dir" ] || fail "could not download github.com/FerretDB/FerretDB@$FERRETDB_VERSION from the Go module proxy"
  src="$tools/ferretdb-src"
  rm -rf "$src" && mkdir -p "$tools/bin" && cp -r "$dir" "$src" && chmod -R u+w "$src"
  # The release build writes this file from git; the module copy lacks it.
  echo "$FERRETDB_VERSION" > "$src/build/version/version.txt"
  patch_id_lookups "$src"
  patch_id_pushdown "$src"
  patch_id_delete "$src"
  patch_serial_writes "$src"
  (cd "$src" && go build -o "$bin" ./cmd/ferretdb) || fail "go build of FerretDB failed"
  echo "$FERRETDB_BUILD" > "$bin.build"
  rm -rf "$src"
}

start() {
  # Built even when a server already listens: the tests that stop a database start their own FerretDB from it.
  build
  if listening; then echo "ferretdb: something already listens on $host:$port; using it"; return 0; fi
  mkdir -p "$state/data"
  # synchronous(normal): with FerretDB's WAL journal a commit is acknowledged before it is fsynced (the WAL is
  # fsynced at checkpoints); it survives a crash of FerretDB, not of the machine. That is MongoDB's own default
  # (w:1 acknowledges before the journal's periodic flush), which this server stands in for; with SQLite's FULL,
  # every write command waited for an fsync (5 ms and more under load): 195-245 against 286-357 messages/s in
  # bench/tools/ferretdb-probe.js (32 writers, 3 runs each, load 15).
  local backend=(--handler=sqlite --sqlite-url="file:$state/data/?_pragma=synchronous(normal)")
  if [ -n "$pg_url" ]; then
    if command -v psql >/dev/null && ! psql "$pg_url" -qtAc 'select 1' >/dev/null 2>&1; then
      fail "cannot reach the PostgreSQL database $pg_url (create it first: createdb <name>)"
    fi
    backend=(--handler=postgresql --postgresql-url="$pg_url")
  fi
  nohup "$bin" "${backend[@]}" --listen-addr="$host:$port" \
    --state-dir="$state" --debug-addr=- --telemetry=disable --log-level=warn \
    >"$state/ferretdb.log" 2>&1 &
  echo $! >"$state/pid"
  for _ in $(seq 1 100); do listening && { echo "ferretdb: listening on $host:$port"; return 0; }; sleep 0.1; done
  cat "$state/ferretdb.log" >&2
  fail "did not start listening on $host:$port"
}

stop() {
  [ -f "$state/pid" ] || return 0
  kill "$(cat "$state/pid")" 2>/dev/null || true
  rm -f "$state/pid"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  build) build ;;
  status) listening && echo "listening on $host:$port" || { echo "not listening on $host:$port"; exit 1; } ;;
  *) fail "usage: $0 start|stop|status|build" ;;
esac
