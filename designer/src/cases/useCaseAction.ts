import { useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { useSwitchboardDataProvider } from '../dataProvider';
import type { SwitchboardDataProvider } from '../dataProvider';
import type { Case } from '../types';

type Action<T> = (dataProvider: SwitchboardDataProvider) => Promise<{ data: T }>;

/**
 * react-admin answers a call refused for a lost session (401) with empty data while it logs the user out:
 * nothing was done, and the login page says why.
 */
export const loggedOutAnswer = (data: unknown): boolean =>
    data === undefined ||
    (typeof data === 'object' && data !== null && !Array.isArray(data) && Object.keys(data).length === 0);

/**
 * Runs one of the case endpoints (or an expert's answer), tells the agent how it went and refreshes
 * the page so the conversation and the audit timeline show the outcome (`refresh: false` for a call that
 * changes nothing on it: an auditor's every read of the case is recorded).
 */
export const useCaseAction = () => {
    const dataProvider = useSwitchboardDataProvider();
    const notify = useNotify();
    const refresh = useRefresh();
    const [pending, setPending] = useState(false);

    const run = async <T = Case>(
        action: Action<T>,
        success: string | ((updated: T) => string),
        onSuccess?: (updated: T) => void,
        { refresh: again = true }: { refresh?: boolean } = {},
    ): Promise<boolean> => {
        setPending(true);
        try {
            const { data } = await action(dataProvider);
            if (loggedOutAnswer(data)) return false;
            const successMessage = typeof success === 'string' ? success : success(data);
            notify(successMessage, { type: 'success', messageArgs: { _: successMessage } });
            onSuccess?.(data);
            if (again) refresh();
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
