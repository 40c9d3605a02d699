"""What the API and the activities share: the tables (SQLModel), their migrations, and the transactional
services both run (ingest, routing, delivery, customer linking). It imports neither of them."""
