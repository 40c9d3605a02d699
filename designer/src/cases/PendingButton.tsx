import Button from '@mui/material/Button';
import { useRecordContext } from 'react-admin';
import type { Case } from '../types';
import { useCaseAction } from './useCaseAction';

/** "Waiting on customer" pauses the SLA clocks until the customer answers; "Back to work" resumes them. */
export const PendingButton = ({ disabled }: { disabled?: boolean }) => {
    const record = useRecordContext<Case>();
    const { run, pending } = useCaseAction();
    if (!record) return null;
    const waiting = record.status === 'pending';
    return (
        <Button
            variant="outlined"
            color="inherit"
            disabled={(disabled && !waiting) || pending || record.status === 'closed'}
            onClick={() =>
                run(
                    dataProvider => dataProvider.setCasePending(record.id, { waiting: !waiting }),
                    waiting ? 'Back to work: the SLA clocks run again' : 'Waiting on the customer: the SLA clocks are paused',
                )
            }
            data-testid="case-pending"
            data-waiting={waiting ? 'true' : 'false'}
        >
            {waiting ? 'Back to work' : 'Waiting on customer'}
        </Button>
    );
};

export default PendingButton;
