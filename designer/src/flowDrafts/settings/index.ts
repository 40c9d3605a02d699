// Editors of the SLA node's settings, for one "SLA & hours" tab of the draft editor. Mount the whole tab with
//   <SlaSettingsTab document={document} onChange={setDocument} errors={rawFlowErrors} />
// (`rawFlowErrors`: the FlowError list of the last save's 422, `extractFlowErrors(body).errors`; [] when none), or
// each editor alone with `{value, onChange, errors}` over `content.policies` / `content.calendars` of the sla node.
export { CalendarsEditor } from './CalendarsEditor';
export { SlaPoliciesEditor } from './SlaPoliciesEditor';
export type { SlaPoliciesEditorProps } from './SlaPoliciesEditor';
export { SlaSettingsTab } from './SlaSettingsTab';
export type { SlaSettingsTabProps } from './SlaSettingsTab';
export * from './model';
