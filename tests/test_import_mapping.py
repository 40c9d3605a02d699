"""Mapping export rows onto mentions (store.mapping) and the import's summary: an export shaped like Kaggle's
"Customer Support on Twitter" (twcs.csv: a True/False `inbound` column, parent ids written as floats,
Twitter's dates) imports with --map flags alone and threads its replies, on SQLite and PostgreSQL."""

from __future__ import annotations

import argparse
import csv
import io
import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from cli.importing import Summary, _columns, _mapping, _report
from store.connector_config import WebhookConfig
from store.conversations import Conversation
from store.db import session_scope
from store.incoming import IncomingMention
from store.ingest import store_batch
from store.mapping import RowError, check_mapping, map_row, normalise_id, read_bool
from store.mentions import Mention
from tests.harness.stack import SWITCHBOARD

TWCS = Path(__file__).parent / "fixtures" / "imports" / "twcs_sample.csv"
# The README's command for such an export.
TWCS_FLAGS = ["--map", "external_id=tweet_id", "--map", "author=author_id", "--map", "direction=inbound",
              "--map", "reply_to_id=in_response_to_tweet_id"]
TWEET = {"tweet_id": "1", "author_id": "AcmeHelp", "inbound": "False", "created_at": "Tue Oct 31 22:10:47 +0000 2017",
         "text": "@115712 please DM us", "response_tweet_id": "2", "in_response_to_tweet_id": "3.0"}


def cli_mapping(*flags: str) -> dict[str, str]:
    return _mapping(argparse.Namespace(mapping=None, map=[f for f in flags if f != "--map"]))


# --- ids written as floats ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("written", "read"), [
    ("3.0", "3"), ("3.00", "3"), ("0.0", "0"), ("1.234e5", "123400"), ("1.0E+16", "10000000000000000"),
    ("1e+16", "10000000000000000"), ("2e+01", "20"), (" 4.0 ", "4"), (3.0, "3"), (3, "3"),
    ("1234567890123456789.0", "1234567890123456789"),  # exact: no float in between
])
def test_an_integral_float_id_is_read_as_its_integer(written: object, read: str) -> None:
    assert normalise_id(written) == read


@pytest.mark.parametrize("kept", ["abc", "00123", "007.0", "3.5", "1.2345e2", "1e5", "12e4", "-3.0", "3.", ".5",
                                  "0x1F", "3.0abc", "c1", "1.0.0"])
def test_any_other_id_is_kept_as_written(kept: str) -> None:
    assert normalise_id(kept) == kept


def test_a_non_integral_or_odd_json_float_is_kept_as_python_writes_it() -> None:
    assert normalise_id(3.5) == "3.5" and normalise_id(-2.0) == "-2.0" and normalise_id(float("nan")) == "nan"


def test_ids_parents_threads_and_authors_are_normalised_alike() -> None:
    row = {"id": "7.0", "author": "115712.0", "text": "hi?", "created_at": "2017-10-31T22:10:47Z",
           "reply_to_id": "6.0", "thread_id": "1.5e1"}
    mention = map_row(row, {})
    assert (mention["external_id"], mention["author"], mention["reply_to_id"], mention["thread_id"]) == \
        ("7", "115712", "6", "15")
    json_row = {"id": 7.0, "author": "@dana", "text": "hi?", "created_at": 1509487847, "in_reply_to_status_id": 6.0}
    assert (map_row(json_row, {})["external_id"], map_row(json_row, {})["reply_to_id"]) == ("7", "6")
    kept = map_row({**row, "id": "00123", "reply_to_id": "abc"}, {})
    assert (kept["external_id"], kept["reply_to_id"]) == ("00123", "abc")


# --- direction from a true/false column --------------------------------------------------------------------

@pytest.mark.parametrize(("value", "flag"), [
    ("True", True), ("true", True), ("TRUE", True), ("1", True), ("1.0", True), ("yes", True), ("Y", True),
    ("t", True), (True, True), (1, True), ("False", False), ("false", False), ("0", False), ("0.0", False),
    ("No", False), ("n", False), ("F", False), (False, False), (0, False), ("maybe", None), ("", None),
    ("2", None),
])
def test_true_and_false_as_exports_write_them(value: object, flag: bool | None) -> None:
    assert read_bool(value) is flag


@pytest.mark.parametrize(("value", "direction"), [("True", "inbound"), ("false", "outbound"), ("1", "inbound"),
                                                   ("0", "outbound"), ("yes", "inbound"), ("N", "outbound")])
def test_a_boolean_inbound_column_gives_the_direction_however_it_is_mapped(value: str, direction: str) -> None:
    row = {**TWEET, "inbound": value}
    for mapping in ({"direction": "inbound"}, {"inbound": "inbound"}, {}):  # the name says it; explicit; an alias
        assert map_row(row, mapping)["direction"] == direction, mapping
    assert map_row({**TWEET, "from_us": value}, {"outbound": "from_us"})["direction"] == \
        ("outbound" if direction == "inbound" else "inbound")
    assert map_row({**TWEET, "is_outbound": value}, {"direction": "is_outbound"})["direction"] == \
        ("outbound" if direction == "inbound" else "inbound")


def test_direction_values_still_read_as_before_and_brand_authors_still_win() -> None:
    for value, direction in (("inbound", "inbound"), ("OUT", "outbound"), ("in", "inbound")):
        assert map_row({**TWEET, "way": value}, {"direction": "way"})["direction"] == direction
    assert map_row({**TWEET, "inbound": "True"}, {}, brands={"acmehelp"})["direction"] == "outbound"
    plain = {k: v for k, v in TWEET.items() if k != "inbound"}
    assert map_row(plain, {})["direction"] == "inbound"  # no direction column: the default, as before


def test_a_boolean_column_whose_name_does_not_say_which_way_is_refused_with_what_to_map() -> None:
    with pytest.raises(RowError) as refused:
        map_row({**TWEET, "flag": "True"}, {"direction": "flag"})
    assert refused.value.path == "direction"
    assert "map it as inbound=flag (true: the customer's message) or outbound=flag" in str(refused.value)
    with pytest.raises(RowError, match=r"inbound: 'maybe' is not true or false \(true/false, 1/0"):
        map_row({**TWEET, "inbound": "maybe"}, {"inbound": "inbound"})
    with pytest.raises(RowError, match=r"direction: 'sideways' is neither inbound nor outbound"):
        map_row({**TWEET, "way": "sideways"}, {"direction": "way"})


def test_a_mapping_names_one_way_of_saying_direction() -> None:
    check_mapping({"direction": "inbound", "external_id": "tweet_id"})
    with pytest.raises(ValueError, match="the mapping names direction and inbound: map one of them"):
        check_mapping({"direction": "way", "inbound": "inbound"})
    with pytest.raises(ValueError, match="unknown field"):
        check_mapping({"inbond": "inbound"})
    assert cli_mapping(*TWCS_FLAGS) == {"external_id": "tweet_id", "author": "author_id", "direction": "inbound",
                                        "reply_to_id": "in_response_to_tweet_id"}


def test_twitters_classic_date_is_read() -> None:
    assert map_row(TWEET, {})["created_at"] == "2017-10-31T22:10:47Z"
    assert map_row({**TWEET, "created_at": "Wed Nov 01 09:05:00 -0500 2017"}, {})["created_at"] == \
        "2017-11-01T14:05:00Z"


def test_a_twcs_row_maps_with_the_readme_flags_and_without_any() -> None:
    expected = {"external_id": "1", "author": "AcmeHelp", "text": "@115712 please DM us",
                "created_at": "2017-10-31T22:10:47Z", "reply_to_id": "3", "direction": "outbound",
                "author_verified": False}
    assert map_row(TWEET, cli_mapping(*TWCS_FLAGS)) == expected
    assert map_row(TWEET, {}) == expected  # twcs's names are among the common export names


# --- the fixture, threaded on SQLite and PostgreSQL ---------------------------------------------------------

def test_the_twcs_shaped_export_threads_its_replies_into_their_conversations(seeded_engine: Engine) -> None:
    with TWCS.open(newline="") as stream:
        rows = list(csv.DictReader(stream))
    mapping = cli_mapping(*TWCS_FLAGS)
    now = datetime.now(UTC)
    messages = [IncomingMention.model_validate(map_row(row, mapping)).to_message("twitter", now) for row in rows]
    stored = store_batch(engine=seeded_engine, mentions=messages, replay=True)
    assert len(stored.outcome.processed) == 10 and not stored.outcome.duplicates
    with session_scope(seeded_engine) as session:
        mentions = {m.external_id: m for m in session.exec(select(Mention).where(Mention.source == "twitter"))}
        conversations = {c.id: c for c in session.exec(select(Conversation).where(Conversation.source == "twitter"))}
        threads = {eid: m.conversation_id for eid, m in mentions.items()}
        assert threads == {"1": "twitter:3", "2": "twitter:3", "3": "twitter:3",
                           "10": "twitter:10", "11": "twitter:10", "12": "twitter:10", "13": "twitter:10",
                           "14": "twitter:10", "20": "twitter:20", "21": "twitter:20"}
        assert [eid for eid, m in sorted(mentions.items()) if m.direction == "outbound"] == ["1", "10", "13", "21"]
        assert mentions["2"].reply_to_id == "1" and mentions["21"].reply_to_id == "20"
        counts = {cid: (c.inbound_count, c.outbound_count) for cid, c in conversations.items()}
        assert counts == {"twitter:3": (2, 1), "twitter:10": (3, 2), "twitter:20": (1, 1)}
        # Customer-first conversations: the brand's reply 2 min 20 s, and 4 min, after the customer's tweet.
        assert conversations["twitter:3"].first_response_seconds == 140.0
        assert conversations["twitter:20"].first_response_seconds == 240.0
        assert conversations["twitter:3"].customer == "115712" and conversations["twitter:10"].customer == "115801"


# --- the summary --------------------------------------------------------------------------------------------

def report(summary: Summary, replay: bool = True) -> str:
    out = io.StringIO()
    _report(summary, argparse.Namespace(replay=replay), out)
    return out.getvalue()


def test_when_every_row_fails_for_one_reason_the_summary_says_so_once_and_lists_the_columns() -> None:
    rows = [{"msg": str(i), "who": "@x", "said": "hi?", "when": "2026-01-01T00:00:00Z"} for i in range(100_000)]
    summary = Summary(rows=len(rows), columns=_columns(rows[0]))
    for line, row in enumerate(rows, start=2):
        try:
            map_row(row, {})
        except RowError as exc:
            summary.rejected.append((line, str(exc)))
    text = report(summary)
    assert text.splitlines() == [
        "100,000 rows: 0 mentions imported, 0 duplicates skipped, 100,000 rejected",
        "replay: 0 needed a response; no cases started",
        "  every row was rejected for the same reason, e.g. line 2: external_id: missing or empty (looked for "
        "external_id, id, id_str, message_id, tweet_id); name its column in the mapping",
        "  the file's columns: msg, who, said, when",
        "  name the columns of our fields with --map FIELD=COLUMN (fields: external_id, author, text, created_at, "
        "reply_to_id, thread_id, direction, inbound, outbound, author_followers, author_verified)",
    ]


def test_rows_rejected_for_a_reason_that_differs_only_in_values_are_one_line() -> None:
    summary = Summary(rows=1_000, stored=990)
    summary.rejected = [(line, f"created_at: '{line}/10/2017' is not a timestamp: use ISO 8601")
                        for line in range(2, 10)] + [(20, "text: missing or empty (looked for body)")]
    lines = report(summary, replay=False).splitlines()
    assert lines[2:] == ["  8 rows (lines 2, 3, 4, 5, 6, ...): created_at: '2/10/2017' is not a timestamp: "
                         "use ISO 8601", "  line 20: text: missing or empty (looked for body)"]
    summary.rejected = [(line, f"text: missing {line}") for line in range(2, 80)]  # every reason its own
    lines = report(summary).splitlines()
    assert len(lines) == 2 + 50 + 1 and lines[-1] == "  ... and 28 more" and "columns" not in lines[-2]


def test_a_jsonl_rows_columns_are_its_dotted_paths() -> None:
    assert _columns({"id_str": "1", "user": {"screen_name": "@x", "followers_count": 3}, "entities": {}}) == \
        ["id_str", "user.screen_name", "user.followers_count", "entities"]


def test_the_command_prints_the_columns_when_no_row_maps(tmp_path: Path) -> None:
    """Every row rejected before anything is sent: no API is needed to see the summary."""
    path = tmp_path / "twcs.csv"
    path.write_text(TWCS.read_text().replace("tweet_id,author_id", "status,user_key"))
    env = {**os.environ, "SWITCHBOARD_TOKEN": "not-used"}
    done = subprocess.run([SWITCHBOARD, "import", str(path), "--source", "twitter", "--quiet", "--replay",
                           "--api", "http://127.0.0.1:9"], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 1, done.stderr
    assert "10 rows: 0 mentions imported, 0 duplicates skipped, 10 rejected" in done.stdout
    assert "every row was rejected for the same reason, e.g. line 2: external_id: missing or empty" in done.stdout
    assert ("the file's columns: status, user_key, inbound, created_at, text, response_tweet_id, "
            "in_response_to_tweet_id") in done.stdout
    assert done.stdout.count("external_id: missing") == 1


def test_a_webhooks_mapping_takes_a_boolean_direction_and_refuses_two() -> None:
    assert WebhookConfig(mapping={"inbound": "is_customer"}).mapping == {"inbound": "is_customer"}
    with pytest.raises(ValueError, match="mapping names direction and outbound: map one of them"):
        WebhookConfig(mapping={"direction": "way", "outbound": "from_us"})


def test_the_help_says_how_to_map_a_boolean_direction_and_shows_the_twcs_command() -> None:
    done = subprocess.run([SWITCHBOARD, "import", "--help"], capture_output=True, text=True, timeout=60)
    assert "--map inbound=COLUMN (true: the customer's message)" in done.stdout
    assert ("--map external_id=tweet_id --map author=author_id \\\n      --map direction=inbound "
            "--map reply_to_id=in_response_to_tweet_id --replay") in done.stdout
