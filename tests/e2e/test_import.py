"""`switchboard import` as a user runs it, against `switchboard up` (real API, dev server and SQLite)."""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.harness.stack import SWITCHBOARD, UpProcess, add_user, start_up

pytestmark = pytest.mark.slow

CSV = """\
msg_id,handle,body,posted,parent,followers
c1,@dana,"My order 88 never arrived, where is it?",2026-11-20T09:00:00Z,,120
c2,@acme,"Sorry Dana, we are on it",1795165500,c1,
c3,@eli,"Love the new colours, great job",Tue Nov 20 09:10:00 +0000 2025,,50000
c4,@finn,"is the app down?",31/10/2017,,
c5,@gus,,2026-11-20T09:20:00Z,,
c1,@dana,"My order 88 never arrived, where is it?",2026-11-20T09:00:00Z,,120
c6,@dana,"still nothing, ridiculous",2026-11-20T10:20:00+01:00,,120
"""


ADMIN, PASSWORD = "ops@example.com", "imports need a real passphrase"


@pytest.fixture(scope="module")
def up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UpProcess]:
    data = tmp_path_factory.mktemp("import") / "data"
    stack = start_up(data, "--no-demo")
    add_user(data, ADMIN, "admin", password=PASSWORD)
    stack.data_dir = data  # type: ignore[attr-defined]
    yield stack
    stack.stop()


def make_token(up: UpProcess, *scopes: str) -> str:
    """`switchboard tokens create` as an operator runs it: the token on stdout, the note on stderr."""
    scope_args = [arg for scope in scopes for arg in ("--scope", scope)]
    done = subprocess.run([SWITCHBOARD, "tokens", "create", "--user", ADMIN, *scope_args, "--data-dir",
                           str(up.data_dir)], capture_output=True, text=True, timeout=60)  # type: ignore[attr-defined]
    assert done.returncode == 0 and "shown this once" in done.stderr, done.stderr
    return done.stdout.strip()


@pytest.fixture(scope="module")
def import_token(up: UpProcess) -> str:
    return make_token(up, "mentions:import")


def switchboard_import(up: UpProcess, *args: str | Path, timeout: float = 600,
                       token: str | None = None) -> subprocess.CompletedProcess:
    """The import, its token in SWITCHBOARD_TOKEN as a script would set it (the module's import token by default)."""
    env = {k: v for k, v in os.environ.items() if k != "SWITCHBOARD_TOKEN"}
    env["SWITCHBOARD_TOKEN"] = token if token is not None else up.import_token  # type: ignore[attr-defined]
    return subprocess.run([SWITCHBOARD, "import", *map(str, args), "--api", up.base_url], capture_output=True,
                          text=True, timeout=timeout, env=env)


@pytest.fixture(autouse=True)
def _token(up: UpProcess, import_token: str) -> None:
    up.import_token = import_token  # type: ignore[attr-defined]


def test_a_csv_export_is_mapped_checked_threaded_and_imported_once(up: UpProcess, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(CSV)
    flags = ("--source", "twitter", "--map", "external_id=msg_id", "--map", "author=handle", "--map", "text=body",
             "--map", "created_at=posted", "--map", "reply_to_id=parent", "--map", "author_followers=followers",
             "--brand-author", "@acme")
    first = switchboard_import(up, path, *flags)
    assert first.returncode == 1, first.stderr  # rows were rejected: the exit code says so
    assert "importing export.csv" in first.stderr and "100%" in first.stderr  # the progress bar
    assert "7 rows: 4 mentions imported, 1 duplicates skipped, 2 rejected" in first.stdout
    assert "line 5: created_at: '31/10/2017' is not a timestamp" in first.stdout
    assert "line 6: text: missing or empty (looked for body)" in first.stdout

    with up.login(ADMIN, PASSWORD) as http:
        mentions, total = listing(http, "mentions", source="twitter")
        assert total == 4 and sorted(m["external_id"] for m in mentions) == ["c1", "c2", "c3", "c6"]
        by_id = {m["external_id"]: m for m in mentions}
        assert by_id["c2"]["direction"] == "outbound" and by_id["c2"]["tags"] is None
        # Our reply joins by its parent; Dana's follow-up 20 minutes later (10:20+01:00) by the author window.
        assert {by_id[i]["conversation_id"] for i in ("c1", "c2", "c6")} == {"twitter:c1"}
        assert by_id["c3"]["created_at"].startswith("2025-11-20T09:10:00")
        assert "influencer" in by_id["c3"]["tags"] and by_id["c3"]["needs_response"] is False
        conversation = http.get("/api/conversations/twitter:c1").json()
        assert (conversation["inbound_count"], conversation["outbound_count"]) == (2, 1)
        assert conversation["first_response_seconds"] == 300.0 and conversation["actionable"] is True
        # The question opened a case; the praise did not.
        deadline = time.monotonic() + 30
        while not listing(http, "cases", conversation_id="twitter:c1")[0]:
            assert time.monotonic() < deadline, "no case for the actionable conversation"
            time.sleep(0.2)
        assert listing(http, "cases", conversation_id=by_id["c3"]["conversation_id"])[1] == 0

    again = switchboard_import(up, path, *flags, "--quiet")
    assert "7 rows: 0 mentions imported, 5 duplicates skipped, 2 rejected" in again.stdout, again.stdout
    assert again.stderr == ""  # --quiet: no progress bar


def test_a_twitter_jsonl_history_replays_without_opening_cases(up: UpProcess, tmp_path: Path) -> None:
    rows = [
        {"id_str": "900", "user": {"screen_name": "@hana", "followers_count": 10}, "full_text": "refund please?",
         "created_at": "Tue Oct 31 22:10:47 +0000 2017"},
        {"id_str": "901", "user": {"screen_name": "@acme"}, "full_text": "DM us your order number",
         "created_at": "Tue Oct 31 22:40:47 +0000 2017", "in_reply_to_status_id_str": "900"},
    ]
    path = tmp_path / "history.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{not json\n")
    done = switchboard_import(up, path, "--source", "facebook", "--replay", "--brand-author", "@acme",
                              "--map", "author_followers=user.followers_count")
    assert done.returncode == 1, done.stderr
    assert "3 rows: 2 mentions imported, 0 duplicates skipped, 1 rejected" in done.stdout
    assert "replay: 1 needed a response; no cases started" in done.stdout
    assert "line 3: row: not JSON" in done.stdout
    with up.login(ADMIN, PASSWORD) as http:
        conversation = http.get("/api/conversations/facebook:900").json()
        assert conversation["first_response_seconds"] == 1800.0 and conversation["actionable"] is True
        assert listing(http, "cases", conversation_id="facebook:900")[1] == 0


def test_bad_invocations_say_what_to_do(up: UpProcess, tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("a,b\n")
    unknown = switchboard_import(up, path, "--source", "twitter")
    assert unknown.returncode == 2 and "pass --format csv or --format jsonl" in unknown.stderr
    bad_map = switchboard_import(up, path, "--source", "twitter", "--format", "csv", "--map", "txt=body")
    assert bad_map.returncode == 2 and "unknown field(s) in the mapping: txt" in bad_map.stderr
    (tmp_path / "ok.csv").write_text("id,author,text,created_at\n1,@x,hello?,2026-01-01T00:00:00Z\n")
    refused = switchboard_import(up, tmp_path / "ok.csv", "--source", "myspace")
    assert refused.returncode == 2 and "no enabled source named 'myspace'" in refused.stderr


def test_a_100k_mention_history_is_stored_exactly_once(up: UpProcess, tmp_path: Path) -> None:
    """100,000 mentions (a quarter of them replies, authors coming back) plus 1,000 repeated lines."""
    path = tmp_path / "big.jsonl"
    total, repeats = 100_000, 1_000
    with path.open("w") as out:
        for i in range(total + repeats):
            n = i if i < total else (i - total) * 97  # the repeats: lines seen earlier in the file
            row = {"id": f"big-{n}", "author": f"@fan{n % 5000}", "created_at": 1795165500 + n,
                   "text": ["where is my parcel?", "love it", "app crashed again", "thanks!"][n % 4]}
            if n % 4 == 3:
                row["reply_to_id"] = f"big-{n - 1}"
            out.write(json.dumps(row) + "\n")
    started = time.monotonic()
    done = switchboard_import(up, path, "--source", "instagram", "--replay", "--batch-size", "1000", timeout=900)
    seconds = time.monotonic() - started
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{total + repeats:,} rows: {total:,} mentions imported, {repeats:,} duplicates skipped, 0 rejected" \
        in done.stdout
    assert "importing big.jsonl" in done.stderr and "100%" in done.stderr
    with up.login(ADMIN, PASSWORD) as http:
        assert listing(http, "mentions", source="instagram")[1] == total
        replies = http.get("/api/mentions/instagram:big-7").json()
        assert replies["conversation_id"] == http.get("/api/mentions/instagram:big-6").json()["conversation_id"]
    print(f"100k import: {seconds:.1f} s, {total / seconds:,.0f} mentions/s")  # shown with -s; the bench reports it


def test_a_mapping_file_a_timezone_and_a_direction_column(up: UpProcess, tmp_path: Path) -> None:
    (tmp_path / "mapping.json").write_text(json.dumps({"external_id": "Ref", "author": "Who", "text": "Said",
                                                       "created_at": "When", "direction": "Way",
                                                       "reply_to_id": "Answers"}))
    (tmp_path / "crm.csv").write_text(
        "Ref,Who,Said,When,Way,Answers\n"
        "k1,kay@example.com,Is my invoice wrong?,2026-07-01 10:00:00,in,\n"  # London summer time: 09:00 UTC
        "k2,agent-7,Checking it now,2026-07-01 10:30:00,out,k1\n"
        "k3,kay@example.com,ok,2026-07-01 11:00:00,sideways,\n")
    done = switchboard_import(up, tmp_path / "crm.csv", "--source", "facebook", "--mapping",
                              tmp_path / "mapping.json", "--timezone", "Europe/London", "--replay", "--quiet")
    assert "3 rows: 2 mentions imported, 0 duplicates skipped, 1 rejected" in done.stdout, done.stdout
    assert "line 4: direction: 'sideways' is neither inbound nor outbound" in done.stdout
    with up.login(ADMIN, PASSWORD) as http:
        question = http.get("/api/mentions/facebook:k1").json()
        assert question["created_at"] == "2026-07-01T09:00:00Z" and question["direction"] == "inbound"
        conversation = http.get("/api/conversations/facebook:k1").json()
        assert (conversation["outbound_count"], conversation["first_response_seconds"]) == (1, 1800.0)
    bad_zone = switchboard_import(up, tmp_path / "crm.csv", "--source", "facebook", "--timezone", "Mars/Olympus")
    assert bad_zone.returncode == 2 and "Mars/Olympus" in bad_zone.stderr


def test_a_twcs_shaped_export_imports_with_map_flags_alone(up: UpProcess) -> None:
    """Kaggle's "Customer Support on Twitter" shape: a True/False inbound column, parent ids written as floats
    (3.0), Twitter's dates, a brand post that customers answer, replies listed before their parents."""
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "imports" / "twcs_sample.csv"
    done = switchboard_import(up, fixture, "--source", "facebook", "--map", "external_id=tweet_id", "--map",
                              "author=author_id", "--map", "direction=inbound", "--map",
                              "reply_to_id=in_response_to_tweet_id", "--replay", "--quiet")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "10 rows: 10 mentions imported, 0 duplicates skipped, 0 rejected" in done.stdout
    with up.login(ADMIN, PASSWORD) as http:
        for conversation, ids in (("facebook:3", ("1", "2", "3")), ("facebook:10", ("10", "11", "12", "13", "14")),
                                  ("facebook:20", ("20", "21"))):
            for external_id in ids:
                mention = http.get(f"/api/mentions/facebook:{external_id}").json()
                assert mention["conversation_id"] == conversation, mention
        assert http.get("/api/mentions/facebook:13").json()["direction"] == "outbound"
        assert http.get("/api/mentions/facebook:14").json()["reply_to_id"] == "13"
        first = http.get("/api/conversations/facebook:3").json()
        assert (first["inbound_count"], first["outbound_count"], first["first_response_seconds"]) == (2, 1, 140.0)
        announcement = http.get("/api/conversations/facebook:10").json()
        assert (announcement["inbound_count"], announcement["outbound_count"]) == (3, 2)


def test_imports_need_a_token_scoped_to_their_source(up: UpProcess, tmp_path: Path) -> None:
    """Last in the module: it adds a twitter mention the tests above count without."""
    path = tmp_path / "one.csv"
    path.write_text("id,author,text,created_at\nt1,@tia,where is my order?,2026-11-20T09:00:00Z\n")
    anonymous = switchboard_import(up, path, "--source", "twitter", token="")
    assert anonymous.returncode == 2 and "with the scope import:twitter" in anonymous.stderr
    twitter_only = make_token(up, "import:twitter")
    elsewhere = switchboard_import(up, path, "--source", "facebook", token=twitter_only)
    assert elsewhere.returncode == 2 and "may not import into 'facebook'" in elsewhere.stderr, elsewhere.stderr
    forged = switchboard_import(up, path, "--source", "twitter", token=twitter_only[:-2] + "xx")
    assert forged.returncode == 2 and "this API token is not valid" in forged.stderr, forged.stderr
    done = switchboard_import(up, path, "--source", "twitter", "--replay", token=twitter_only)
    assert done.returncode == 0 and "1 rows: 1 mentions imported" in done.stdout, done.stdout + done.stderr
    # The same token cannot read anything: it holds an import scope only.
    read = httpx.get(up.base_url + "/api/mentions", headers={"Authorization": f"Bearer {twitter_only}"})
    assert read.status_code == 403 and "mentions:read" in read.json()["detail"]["message"]


def listing(http: httpx.Client, resource: str, **filters: object) -> tuple[list[dict], int]:
    answer = http.get(f"/api/{resource}", params={"filter": json.dumps(filters), "range": "[0,499]"})
    assert answer.status_code == 200, answer.text
    return answer.json(), int(answer.headers["content-range"].rsplit("/", 1)[1])
