import PlayIcon from '@mui/icons-material/PlayArrow';
import Button from '@mui/material/Button';
import { useRecordContext } from 'react-admin';
import { useCan } from '../auth/useCan';
import { useCaseAction } from '../cases/useCaseAction';
import type { Flow } from '../types';

/** Makes this published version the active flow again, e.g. to roll back (needs `flows:write`). */
export const ActivateFlowButton = () => {
    const record = useRecordContext<Flow>();
    const canActivate = useCan('flows', 'activate');
    const { run, pending } = useCaseAction();
    if (!record || record.active || !canActivate) return null;
    const activate = () =>
        run<Flow>(
            dataProvider => dataProvider.activateFlow(String(record.id)),
            `Version ${String(record.version ?? record.id).slice(0, 8)} is now the active flow`,
        );
    return (
        <Button
            variant="outlined"
            size="small"
            startIcon={<PlayIcon />}
            disabled={pending}
            onClick={activate}
            data-testid="flow-activate"
        >
            Activate
        </Button>
    );
};

export default ActivateFlowButton;
