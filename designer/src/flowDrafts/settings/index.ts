// Editors of the SLA node's settings: the draft editor's "SLA & hours" tab (DraftEditor.tsx), with the last save's
// 422 errors as the API answered them (useDraftActions' `problem.raw`).
export { CalendarsEditor } from './CalendarsEditor';
export { SlaPoliciesEditor } from './SlaPoliciesEditor';
export type { SlaPoliciesEditorProps } from './SlaPoliciesEditor';
export { SlaSettingsTab } from './SlaSettingsTab';
export type { SlaSettingsTabProps } from './SlaSettingsTab';
export * from './model';
