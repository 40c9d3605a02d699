"""Realistic, deterministic mention records for the rules benchmark.

The shape follows what the connectors hand the engine: the message text,
its channel and language, the author with their customer record, tags from
the classifier, sentiment, engagement metrics and, sometimes, an order.
"""

from __future__ import annotations

import random

CHANNELS = ["twitter", "instagram", "facebook", "reddit", "email", "reviews"]
LANGS = ["en"] * 6 + ["fr", "de", "es", "pt"]
TIERS = ["none"] * 5 + ["silver"] * 3 + ["gold"] * 2
TAGS = ["refund", "billing", "invoice", "charge", "chargeback", "delivery", "outage", "login", "praise", "product"]
OPENINGS = [
    "Hi @support,", "Seriously?", "Hello team,", "Quick question:", "Ugh.", "Thanks so much!", "@brand", "",
]
BODIES = [
    "my order arrived broken and I want a refund",
    "the app has been down for two hours",
    "where is my package? it was shipped last week",
    "I will cancel my subscription if this is not fixed",
    "someone hacked my account and changed the password",
    "love the new update, great work",
    "I was charged twice on my invoice",
    "my lawyer will hear about this",
    "the screen is damaged, see the photo",
    "is this a scam? got a weird email",
    "get free followers at http://spam.example",
    "can you help me reset my login?",
    "delivery is three days late again",
    "best customer service ever",
    "why is the refund taking so long?",
]


def _author(rng: random.Random) -> dict:
    followers = int(rng.paretovariate(1.1) * 150) - 150
    return {
        "handle": f"@user{rng.randrange(10**6)}",
        "followers": followers,
        "verified": followers > 20000 and rng.random() < 0.5,
        "customer": {
            "tier": rng.choice(TIERS),
            "lifetime_value": round(rng.uniform(0, 5000), 2),
            "orders": rng.randrange(0, 30),
            "open_cases": rng.choice([0, 0, 0, 1, 1, 2, 3, 5]),
        },
    }


def _order(rng: random.Random) -> dict | None:
    if rng.random() < 0.4:
        return None
    items = [{"sku": f"SKU-{rng.randrange(1000):03d}", "qty": rng.randrange(1, 4),
              "days_late": rng.choice([0, 0, 1, 3, 6])} for _ in range(rng.randrange(1, 5))]
    return {
        "id": f"o-{rng.randrange(10**7)}",
        "status": rng.choice(["placed", "shipped", "delivered", "returned"]),
        "total": round(rng.uniform(5, 1500), 2),
        "items": items,
    }


def mention(rng: random.Random, index: int) -> dict:
    """One mention record; every field the routing set reads is present."""
    channel = rng.choice(CHANNELS)
    text = f"{rng.choice(OPENINGS)} {rng.choice(BODIES)}".strip()
    if rng.random() < 0.3:
        text += f" and {rng.choice(BODIES)}"
    return {
        "id": f"m-{index:07d}",
        "channel": channel,
        "lang": rng.choice(LANGS),
        "text": text,
        "is_reply": rng.random() < 0.3,
        "attachments": rng.choice([0, 0, 0, 1, 2]),
        "rating": rng.randrange(1, 6) if channel == "reviews" else 0,
        "tags": rng.sample(TAGS, rng.choice([0, 1, 1, 2, 3])),
        "sentiment": {"score": round(rng.uniform(-1, 1), 3)},
        "metrics": {"likes": rng.randrange(0, 600), "reposts": rng.randrange(0, 200), "replies": rng.randrange(0, 80)},
        "author": _author(rng),
        "order": _order(rng),
    }


def mentions(count: int, seed: int = 20261123) -> list[dict]:
    """`count` records, the same ones for the same seed."""
    rng = random.Random(seed)
    return [mention(rng, index) for index in range(count)]
