"""audit_purge: retention for the audit log (store.audit.purge). An entry may now be deleted only when a
purge covers it; checkpoints and purges stay append-only.

Revision ID: 0011
Revises: 0010
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

import store.db.types

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

REFUSE = "rows are append-only: they are never updated or deleted"


def upgrade() -> None:
    op.create_table('audit_purge',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('through_seq', sa.Integer(), nullable=False),
    sa.Column('through_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('before', store.db.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('at', store.db.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('entries', sa.Integer(), nullable=False),
    sa.Column('checkpoint_id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    covered = "OLD.id <= (SELECT COALESCE(MAX(through_seq), 0) FROM audit_purge)"
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_entry_append_only ON audit_entry")
        op.execute(f"""CREATE FUNCTION switchboard_audit_entry_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND {covered} THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_entry {REFUSE} (a purge removes entries: switchboard audit purge)';
END $$ LANGUAGE plpgsql""")
        op.execute("CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry "
                   "FOR EACH ROW EXECUTE FUNCTION switchboard_audit_entry_guard()")
        op.execute("CREATE TRIGGER audit_purge_append_only BEFORE UPDATE OR DELETE ON audit_purge "
                   "FOR EACH ROW EXECUTE FUNCTION switchboard_append_only()")
    else:
        op.execute("DROP TRIGGER audit_entry_no_delete")
        op.execute(f"CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry WHEN NOT ({covered}) BEGIN "
                   f"SELECT RAISE(ABORT, 'audit_entry {REFUSE} (a purge removes entries: switchboard audit purge)'); "
                   "END")
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER audit_purge_no_{verb.lower()} BEFORE {verb} ON audit_purge BEGIN "
                       f"SELECT RAISE(ABORT, 'audit_purge {REFUSE}'); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_entry_append_only ON audit_entry")
        op.execute("DROP FUNCTION switchboard_audit_entry_guard()")
        op.execute("CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry "
                   "FOR EACH ROW EXECUTE FUNCTION switchboard_append_only()")
    else:
        op.execute("DROP TRIGGER audit_entry_no_delete")
        op.execute(f"CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry BEGIN "
                   f"SELECT RAISE(ABORT, 'audit_entry {REFUSE}'); END")
    op.drop_table('audit_purge')
