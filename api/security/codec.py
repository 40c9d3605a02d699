"""Temporal payloads sealed with the key ring, so Temporal's database and UI hold no customer's words.

Every payload a client or worker sends (workflow and activity inputs, results, signals, updates,
queries, memos) is serialized and sealed as one value; Temporal sees `binary/sealed` bytes and the
key's id. Payloads written before sealing existed (the recorded histories the replay tests use)
pass through decoding as they are. The API serves the same codec at /api/codec (Temporal's
codec-server protocol), so auditors and admins can read histories in the Temporal UI.
"""

from __future__ import annotations

import base64
import dataclasses
from collections.abc import Sequence
from typing import Any

from google.protobuf import json_format
from temporalio.api.common.v1 import Payload
from temporalio.contrib.pydantic import pydantic_data_converter
from temporalio.converter import DataConverter, PayloadCodec

from store.keys import KeyRing

ENCODING = b"binary/sealed"
PURPOSE = "temporal-payload"


class SealingCodec(PayloadCodec):
    def __init__(self, keys: KeyRing) -> None:
        self._keys = keys

    async def encode(self, payloads: Sequence[Payload]) -> list[Payload]:
        return [Payload(metadata={"encoding": ENCODING, "key-id": self._keys.primary.encode()},
                        data=self._keys.seal(p.SerializeToString(), purpose=PURPOSE).encode()) for p in payloads]

    async def decode(self, payloads: Sequence[Payload]) -> list[Payload]:
        out = []
        for p in payloads:
            if p.metadata.get("encoding") != ENCODING:
                out.append(p)  # never sealed (older histories, or another client's)
                continue
            out.append(Payload.FromString(self._keys.open(p.data.decode(), purpose=PURPOSE)))
        return out


def sealed_converter(keys: KeyRing) -> DataConverter:
    """Our pydantic data converter with every payload sealed."""
    return dataclasses.replace(pydantic_data_converter, payload_codec=SealingCodec(keys))


async def opened_history(history: dict[str, Any], codec: PayloadCodec) -> dict[str, Any]:
    """A workflow history (as JSON) with every sealed payload opened: what an exported case carries, so that it
    can be replayed and read without the key ring."""
    async def walk(node: Any) -> Any:
        if isinstance(node, dict):
            metadata = node.get("metadata")
            if "data" in node and isinstance(metadata, dict) and "encoding" in metadata:
                if base64.b64decode(metadata["encoding"]) != ENCODING:
                    return node
                (opened,) = await codec.decode([json_format.ParseDict(node, Payload())])
                return json_format.MessageToDict(opened)
            return {key: await walk(value) for key, value in node.items()}
        if isinstance(node, list):
            return [await walk(value) for value in node]
        return node
    return await walk(history)
