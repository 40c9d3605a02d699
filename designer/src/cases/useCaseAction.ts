import { useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { useSwitchboardDataProvider } from '../dataProvider';
import type { SwitchboardDataProvider } from '../dataProvider';
import type { Case } from '../types';

type CaseAction = (dataProvider: SwitchboardDataProvider) => Promise<{ data: Case }>;

/**
 * Runs one of the case endpoints, tells the agent how it went and refreshes
 * the page so the conversation and the audit timeline show the outcome.
 */
export const useCaseAction = () => {
    const dataProvider = useSwitchboardDataProvider();
    const notify = useNotify();
    const refresh = useRefresh();
    const [pending, setPending] = useState(false);

    const run = async (action: CaseAction, success: string | ((updated: Case) => string)): Promise<boolean> => {
        setPending(true);
        try {
            const { data } = await action(dataProvider);
            const successMessage = typeof success === 'string' ? success : success(data);
            notify(successMessage, { type: 'success', messageArgs: { _: successMessage } });
            refresh();
            return true;
        } catch (error) {
            const message = error instanceof Error && error.message ? error.message : 'The action failed';
            notify(message, { type: 'error', messageArgs: { _: message } });
            return false;
        } finally {
            setPending(false);
        }
    };

    return { run, pending };
};
