import DownloadIcon from '@mui/icons-material/Download';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useRecordContext } from 'react-admin';
import { useCan, useMe } from '../auth/useCan';
import { saveFile } from '../common/saveFile';
import { Section } from '../common/Section';
import type { Case } from '../types';
import { temporalWorkflowUrl } from './format';
import { useCaseAction } from './useCaseAction';

/** Downloads the case bundle as `case-<id>.json`, the file `switchboard replay verify` checks. */
export const ExportBundleButton = ({ caseId }: { caseId: string }) => {
    const { run, pending } = useCaseAction();
    const name = `case-${caseId}.json`;
    const exportBundle = () =>
        run<string>(dataProvider => dataProvider.getCaseBundle(caseId), `Saved ${name}`, data => saveFile(name, data), {
            refresh: false,
        });
    return (
        <Button
            variant="outlined"
            size="small"
            startIcon={<DownloadIcon />}
            disabled={pending}
            onClick={exportBundle}
            data-testid="case-export-bundle"
        >
            {pending ? 'Exporting…' : 'Export bundle'}
        </Button>
    );
};

/**
 * For those who may read a case's history with its payloads opened (histories:decode: auditors, admins): its
 * workflow in the Temporal UI (when the API knows where that is) and the case bundle.
 */
export const CaseHistoryLinks = () => {
    const record = useRecordContext<Case>();
    const canRead = useCan('cases', 'history', record);
    const me = useMe();
    if (!record || !canRead) return null;
    const workflowUrl = temporalWorkflowUrl(me, record);
    return (
        <Section title="History" testId="case-history">
            <Typography variant="body2" color="text.secondary" gutterBottom>
                The case's workflow history; the bundle adds its flow versions, timeline and audit entries, signed.
            </Typography>
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                {workflowUrl && (
                    <Button
                        variant="outlined"
                        size="small"
                        href={workflowUrl}
                        target="_blank"
                        rel="noopener noreferrer"
                        endIcon={<OpenInNewIcon />}
                        data-testid="case-temporal-link"
                    >
                        Temporal UI
                    </Button>
                )}
                <ExportBundleButton caseId={record.id} />
            </Box>
        </Section>
    );
};

export default CaseHistoryLinks;
