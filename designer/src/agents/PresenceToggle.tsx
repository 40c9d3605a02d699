import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import { useNotify, useRecordContext, useRefresh, useUpdate } from 'react-admin';
import { useCan } from '../auth/useCan';
import type { AgentProfile } from './agentForm';
import { OnlineChip } from './OnlineChip';

/**
 * Online or offline at a click, for the agent themselves (agents:presence) and their leads (agents:manage); a chip for
 * everyone else. Going offline hands their unstarted cases back to the queue.
 */
export const PresenceToggle = (_props: { label?: string }) => {
    const record = useRecordContext<AgentProfile>();
    const mayToggle = useCan('agents', 'presence', record);
    const [update, { isPending }] = useUpdate<AgentProfile>();
    const notify = useNotify();
    const refresh = useRefresh();
    if (!record) return null;
    if (!mayToggle) return <OnlineChip />;
    return (
        <FormControlLabel
            label={record.online ? 'Online' : 'Offline'}
            control={
                <Switch
                    checked={record.online}
                    disabled={isPending}
                    slotProps={{ input: { 'aria-label': 'Online', 'data-testid': 'agent-presence' } as object }}
                    onChange={(_event, online) =>
                        update(
                            'agents',
                            { id: record.id, data: { online }, previousData: record },
                            {
                                mutationMode: 'pessimistic',
                                onSuccess: () => {
                                    notify(online ? `${record.name} is online: new work comes to them` : `${record.name} is offline: their unstarted cases went back to the queue`, { type: 'info' });
                                    refresh();
                                },
                                onError: error => notify(error instanceof Error ? error.message : String(error), { type: 'error' }),
                            },
                        )
                    }
                />
            }
        />
    );
};

export default PresenceToggle;
