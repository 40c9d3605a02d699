// Editors of the SLA node's settings, for one "SLA & hours" tab of the draft editor (see SlaSettingsTab).
export { CalendarsEditor } from './CalendarsEditor';
export { SlaPoliciesEditor } from './SlaPoliciesEditor';
export type { SlaPoliciesEditorProps } from './SlaPoliciesEditor';
export { SlaSettingsTab } from './SlaSettingsTab';
export type { SlaSettingsTabProps } from './SlaSettingsTab';
export * from './model';
