import { render, screen } from '@testing-library/react';
import { RecordContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { makeCase } from '../test/fixtures';
import { CaseStatusChip } from './CaseStatusChip';

const renderChip = (record = makeCase(), props: Parameters<typeof CaseStatusChip>[0] = {}) =>
    render(
        <RecordContextProvider value={record}>
            <CaseStatusChip {...props} />
        </RecordContextProvider>,
    );

describe('CaseStatusChip', () => {
    it('shows the status of the record with its colour', () => {
        renderChip(makeCase({ status: 'escalated' }));
        const chip = screen.getByTestId('case-status');
        expect(chip).toHaveTextContent('Escalated');
        expect(chip).toHaveAttribute('data-status', 'escalated');
        expect(chip.className).toContain('MuiChip-colorError');
        expect(chip.className).toContain('MuiChip-filled');
    });

    it('colours each status differently', () => {
        const classes = (['open', 'assigned', 'escalated'] as const).map(status => {
            const { unmount } = renderChip(makeCase({ status }));
            const className = screen.getByTestId('case-status').className;
            unmount();
            return className.match(/MuiChip-color\w+/)?.[0];
        });
        expect(new Set(classes).size).toBe(3);
    });

    it('shows a closed case outlined, with the closing reason', () => {
        renderChip(makeCase({ status: 'closed', close_reason: 'no_action' }));
        const chip = screen.getByTestId('case-status');
        expect(chip).toHaveTextContent('Closed · No action');
        expect(chip.className).toContain('MuiChip-outlined');
    });

    it('accepts another test id and an explicit status', () => {
        renderChip(makeCase({ status: 'open' }), { status: 'assigned', 'data-testid': 'case-show-status' });
        expect(screen.getByTestId('case-show-status')).toHaveTextContent('Assigned');
        expect(screen.queryByTestId('case-status')).toBeNull();
    });

    it('renders nothing without a record', () => {
        const { container } = render(<CaseStatusChip />);
        expect(container).toBeEmptyDOMElement();
    });
});
