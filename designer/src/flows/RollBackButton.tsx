import UndoIcon from '@mui/icons-material/Undo';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { Confirm, useGetList, useRecordContext, useRedirect } from 'react-admin';
import { useCan } from '../auth/useCan';
import { useCaseAction } from '../cases/useCaseAction';
import type { Flow } from '../types';

/** The version published before `flow` (versions newest first). */
export const previousVersion = (versions: Flow[], flow: Flow): Flow | undefined => {
    const at = flow.published_at ? Date.parse(flow.published_at) : Infinity;
    return versions
        .filter(item => item.id !== flow.id && item.published_at && Date.parse(item.published_at) < at)
        .sort((a, b) => Date.parse(b.published_at!) - Date.parse(a.published_at!))[0];
};

/** On the active version: activate the one published before it, once confirmed (needs `flows:write`). */
export const RollBackButton = () => {
    const record = useRecordContext<Flow>();
    const canActivate = useCan('flows', 'activate');
    const { data: versions = [] } = useGetList<Flow>(
        'flows',
        { sort: { field: 'published_at', order: 'DESC' }, pagination: { page: 1, perPage: 100 } },
        { enabled: Boolean(record?.active && canActivate) },
    );
    const [confirming, setConfirming] = useState(false);
    const { run, pending } = useCaseAction();
    const redirect = useRedirect();
    if (!record || !record.active || !canActivate) return null;
    const previous = previousVersion(versions, record);
    if (!previous) return null;
    const label = `${previous.name} ${previous.id.slice(0, 8)}`;
    return (
        <>
            <Button
                variant="outlined"
                color="warning"
                size="small"
                startIcon={<UndoIcon />}
                disabled={pending}
                onClick={() => setConfirming(true)}
                data-testid="flow-roll-back"
            >
                Roll back
            </Button>
            <Confirm
                isOpen={confirming}
                loading={pending}
                title="Roll back the active flow?"
                content={`New cases will start with the previous version, ${label}. Cases already open keep the version they started with.`}
                confirm="Roll back"
                onConfirm={async () => {
                    setConfirming(false);
                    await run<Flow>(
                        dataProvider => dataProvider.activateFlow(previous.id),
                        `Rolled back: ${label} is the active flow`,
                        () => redirect('show', 'flows', previous.id),
                    );
                }}
                onClose={() => setConfirming(false)}
            />
        </>
    );
};

export default RollBackButton;
