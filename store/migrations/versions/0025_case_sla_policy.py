"""case.sla_policy: the SLA policy a case's clocks run under, on its row (written from the workflow's view), so
reports group by it from the row and the case rollup counts it as a dimension (store.rollups) instead of reading
every case's timeline. Backfilled from each case's latest sla_started or sla_policy_changed event. The case rollup
also counts each case's mentions by its team (basis `mention`, with their sentiment: two new measures), and is
rebuilt.

Revision ID: 0025
Revises: 0024
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0025'
down_revision = '0024'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('case', sa.Column('sla_policy', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
    bind = op.get_bind()
    events = sa.table('case_event', sa.column('case_id', sa.String()), sa.column('seq', sa.Integer()),
                      sa.column('kind', sa.String()), sa.column('detail', sa.JSON()))
    latest: dict[str, tuple[int, str]] = {}
    query = sa.select(events.c.case_id, events.c.seq, events.c.kind, events.c.detail).where(
        events.c.kind.in_(('sla_started', 'sla_policy_changed')))
    for case_id, seq, kind, detail in bind.execute(query.execution_options(yield_per=5000)):
        policy = (detail or {}).get('policy' if kind == 'sla_started' else 'policy_to')
        if isinstance(policy, str) and seq > latest.get(case_id, (-1, ''))[0]:
            latest[case_id] = (seq, policy)
    cases = sa.table('case', sa.column('id', sa.String()), sa.column('sla_policy', sa.String()))
    rows = [{'case_id': case_id, 'policy': policy} for case_id, (_, policy) in sorted(latest.items())]
    for i in range(0, len(rows), 5000):
        bind.execute(cases.update().where(cases.c.id == sa.bindparam('case_id'))
                     .values(sla_policy=sa.bindparam('policy')), rows[i:i + 5000])
    for measure in ('sentiment_n', 'sentiment_micro'):
        op.add_column('case_rollup', sa.Column(measure, sa.BigInteger(), nullable=False, server_default='0'))
    from store import rollups
    rollups.rebuild(bind)


def downgrade() -> None:
    op.execute("DELETE FROM case_rollup WHERE dim = 'policy' OR basis = 'mention'")
    with op.batch_alter_table('case_rollup') as batch:
        batch.drop_column('sentiment_micro')
        batch.drop_column('sentiment_n')
    with op.batch_alter_table('case') as batch:
        batch.drop_column('sla_policy')
