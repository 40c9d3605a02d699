import Button from '@mui/material/Button';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { CANNED_REPLIES, fillCanned } from './cannedReplies';

interface CannedReplyButtonProps {
    caseId: string;
    /** How the customer is addressed: their name, else their handle without the @. */
    customerName: string;
    agentName: string;
    disabled?: boolean;
    onInsert: (text: string) => void;
}

/** "Canned replies": picks one of the built-in texts, fills in its variables, and hands it to the composer. */
export const CannedReplyButton = ({ caseId, customerName, agentName, disabled, onInsert }: CannedReplyButtonProps) => {
    const [anchor, setAnchor] = useState<HTMLElement | null>(null);
    const variables = {
        'customer.name': customerName.replace(/^@/, ''),
        'agent.name': agentName,
        'case.id': caseId,
    };
    return (
        <>
            <Button
                size="small"
                disabled={disabled}
                onClick={event => setAnchor(event.currentTarget)}
                data-testid="canned-replies"
                aria-haspopup="menu"
            >
                Canned replies
            </Button>
            <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
                {CANNED_REPLIES.map(canned => (
                    <MenuItem
                        key={canned.id}
                        data-testid={`canned-${canned.id}`}
                        onClick={() => {
                            onInsert(fillCanned(canned.text, variables));
                            setAnchor(null);
                        }}
                        sx={{ maxWidth: 420, whiteSpace: 'normal' }}
                    >
                        <ListItemText primary={canned.title} secondary={canned.text} />
                    </MenuItem>
                ))}
            </Menu>
        </>
    );
};

export default CannedReplyButton;
