// The fields of an audit entry that the list and the entry's page share.
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { MouseEvent } from 'react';
import { Link, useCreatePath, useRecordContext } from 'react-admin';
import type { AuditEntry } from '../types';
import { viaLabel } from './auditFormat';

/** "#42": the entry's place in the chain. */
export const EntryNumber = (_props: { label?: string }) => {
    const record = useRecordContext<AuditEntry>();
    if (!record) return null;
    return (
        <Typography variant="body2" component="span" sx={{ fontFamily: 'monospace' }} data-testid="audit-id">
            #{record.id}
        </Typography>
    );
};

/**
 * Who acted, as the log names them (a user's id, `source:ID`, `system`: names change, the log does not), and how
 * (session, API token, password).
 */
export const AuditActor = (_props: { label?: string }) => {
    const record = useRecordContext<AuditEntry>();
    if (!record) return null;
    const via = viaLabel(record.via);
    return (
        <span>
            <Typography variant="body2" component="span" data-testid="audit-actor">
                {record.actor}
            </Typography>
            {via && (
                <Typography variant="caption" color="text.secondary" component="span" data-testid="audit-via">
                    {' '}
                    via {via}
                </Typography>
            )}
        </span>
    );
};

/** What was done, as the log spells it (`user.change`): the action filter takes the same text. */
export const AuditAction = (_props: { label?: string }) => {
    const record = useRecordContext<AuditEntry>();
    if (!record) return null;
    return (
        <Chip size="small" variant="outlined" label={record.action} sx={{ fontFamily: 'monospace' }} data-testid="audit-action" />
    );
};

/**
 * What an entry acted on: its kind and id; a case links to the case's page. Other kinds stay text: their pages
 * need permissions an auditor may not have (users: users:manage), and some targets are gone (a deleted draft).
 */
export const AuditTarget = (_props: { label?: string }) => {
    const record = useRecordContext<AuditEntry>();
    const createPath = useCreatePath();
    if (!record) return null;
    if (!record.target_type) {
        return (
            <Typography variant="body2" color="text.secondary" component="span">
                —
            </Typography>
        );
    }
    if (record.target_type === 'case' && record.target_id) {
        return (
            <Link
                to={createPath({ resource: 'cases', id: record.target_id, type: 'show' })}
                // A row click opens the entry; the link opens the case.
                onClick={(event: MouseEvent) => event.stopPropagation()}
                data-testid="audit-target-case"
            >
                case {record.target_id}
            </Link>
        );
    }
    return (
        <Typography variant="body2" component="span" data-testid="audit-target">
            {record.target_type}
            {record.target_id ? ` ${record.target_id}` : ''}
        </Typography>
    );
};
