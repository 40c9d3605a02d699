import { useState } from 'react';
import { HttpError, useNotify, useRedirect, useUpdate } from 'react-admin';
import { useSwitchboardDataProvider } from '../dataProvider';
import type { FlowDocument, FlowDraft } from '../types';
import { EMPTY_ERRORS, extractFlowErrors, mapFlowErrors } from './flowErrors';
import type { FlowError, MappedFlowErrors } from './flowErrors';

export interface SaveProblem {
    message: string;
    errors: MappedFlowErrors;
    /** The API's errors as it answered them (JSON Pointers from the document's root), for tabs that map their own. */
    raw: FlowError[];
}

const describe = (error: unknown, document: FlowDocument): SaveProblem => {
    if (error instanceof HttpError && error.status === 422) {
        const flow = extractFlowErrors(error.body);
        if (flow) return { message: flow.message, errors: mapFlowErrors(flow.errors, document), raw: flow.errors };
    }
    return { message: error instanceof Error ? error.message : String(error), errors: EMPTY_ERRORS, raw: [] };
};

/** Save (PUT) and publish (POST publish, of the draft as saved) a flow draft, keeping the last API problem. */
export const useDraftActions = (draft: FlowDraft) => {
    const dataProvider = useSwitchboardDataProvider();
    const [update] = useUpdate<FlowDraft>();
    const notify = useNotify();
    const redirect = useRedirect();
    const [busy, setBusy] = useState(false);
    const [problem, setProblem] = useState<SaveProblem | null>(null);

    const save = async (name: string, document: FlowDocument, quiet = false): Promise<boolean> => {
        setBusy(true);
        try {
            await update(
                'flow_drafts',
                { id: draft.id, data: { name, document }, previousData: draft },
                { mutationMode: 'pessimistic', returnPromise: true },
            );
            setProblem(null);
            if (!quiet) notify('Draft saved', { type: 'success' });
            return true;
        } catch (error) {
            const described = describe(error, document);
            setProblem(described);
            notify(described.message, { type: 'error' });
            return false;
        } finally {
            setBusy(false);
        }
    };

    /** Publish the draft as saved (save `document` first: a refusal is mapped onto it), and open the version. */
    const publish = async (document: FlowDocument): Promise<void> => {
        setBusy(true);
        try {
            const { data: flow } = await dataProvider.publishFlowDraft(String(draft.id));
            notify(`Published version ${flow.id}`, { type: 'success' });
            redirect('show', 'flows', flow.id);
        } catch (error) {
            const described = describe(error, document);
            setProblem(described);
            notify(described.message, { type: 'error' });
        } finally {
            setBusy(false);
        }
    };

    return { busy, problem, save, publish };
};
