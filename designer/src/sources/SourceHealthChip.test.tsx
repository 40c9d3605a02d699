import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RecordContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { makeSource, webhookSource } from '../test/fixtures';
import type { Source } from '../types';
import { SourceHealthChip } from './SourceHealthChip';

const renderChip = (record: Source) =>
    render(
        <RecordContextProvider value={record}>
            <SourceHealthChip />
        </RecordContextProvider>,
    );

describe('SourceHealthChip', () => {
    it('shows a healthy source in green', () => {
        renderChip(makeSource());
        const chip = screen.getByTestId('source-health');
        expect(chip).toHaveTextContent('Healthy');
        expect(chip).toHaveAttribute('data-health', 'healthy');
        expect(chip.className).toContain('MuiChip-colorSuccess');
        expect(chip).not.toHaveAttribute('title');
    });

    it('shows an unhealthy source with its last error on hover', async () => {
        const error = 'feed http://127.0.0.1:9/feed.xml did not answer: ConnectError: refused';
        renderChip(makeSource({ healthy: false, last_error: error, consecutive_failures: 3 }));
        const chip = screen.getByTestId('source-health');
        expect(chip).toHaveTextContent('Unhealthy');
        expect(chip).toHaveAttribute('data-health', 'unhealthy');
        expect(chip.className).toContain('MuiChip-colorError');
        expect(chip).toHaveAttribute('title', error);

        await userEvent.setup().hover(chip);
        expect(await screen.findByRole('tooltip')).toHaveTextContent(error);
    });

    it('says a polling source has not been polled yet, and a webhook is healthy without polls', () => {
        const { unmount } = renderChip(makeSource({ last_polled_at: null, last_success_at: null }));
        expect(screen.getByTestId('source-health')).toHaveTextContent('Not polled yet');
        unmount();
        renderChip(webhookSource);
        expect(screen.getByTestId('source-health')).toHaveAttribute('data-health', 'healthy');
    });

    it('renders nothing without a record', () => {
        const { container } = render(<SourceHealthChip />);
        expect(container).toBeEmptyDOMElement();
    });
});
