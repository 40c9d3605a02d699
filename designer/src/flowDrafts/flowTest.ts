// The answer of POST /api/flow_drafts/{id}/test (and /api/flows/{id}/test): what a flow decides for one mention.
import type { components } from '../api/schema.gen';
import type { NamedRule } from '../cases/explain/ruleParts';
import { evidenceRules } from '../cases/explain/ruleParts';

type Schemas = components['schemas'];

export type FlowTestStage = Schemas['StageResult'];

/** The generated answer, with the mention's fields the panel shows named. */
export type FlowTestResult = Omit<Schemas['FlowTestResult'], 'mention'> & {
    mention: { id: string; text: string; author: string; source: string } & Record<string, unknown>;
};

export type FlowTestRequest = Schemas['FlowTestRequest'];

export const STAGE_LABELS: Record<string, string> = {
    tag: 'Tagging rules',
    triage: 'Triage: needs a response? priority?',
    assign: 'Routing: which queue',
    sla: 'SLA policy',
    approval: 'Approval of a reply',
};

/** A stage's rules, each with its result and trace, as the case page's explanations show them. */
export const stageRules = (stage: FlowTestStage): NamedRule[] => evidenceRules({ evidence: stage.evidence });

/** The pasted text as a mention: plain text is taken as the mention's text; JSON must be an object. */
export const pastedRequest = (text: string): { ok: true; request: FlowTestRequest } | { ok: false; error: string } => {
    const trimmed = text.trim();
    if (!trimmed) return { ok: false, error: 'Paste a mention (JSON with at least "text") or type its text' };
    if (!trimmed.startsWith('{')) return { ok: true, request: { mention: { text: trimmed } } };
    try {
        const value: unknown = JSON.parse(trimmed);
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            return { ok: false, error: 'A mention is a JSON object' };
        }
        return { ok: true, request: { mention: value as Record<string, unknown> } };
    } catch (error) {
        return { ok: false, error: `Not JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
};
