import { ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { useInbox } from '../inbox/InboxContext';
import { CASE_PRIORITIES, CASE_STATUSES } from '../types';
import { humanize } from './format';

const choices = (values: readonly string[]) => values.map(id => ({ id, name: humanize(id) }));

export const statusChoices = choices(CASE_STATUSES);
export const priorityChoices = choices(CASE_PRIORITIES);

/** The inbox views, when the API has not said which this user has. */
const VIEW_CHOICES = [
    { id: 'mine', name: 'Mine' },
    { id: 'unassigned', name: 'Unassigned' },
    { id: 'breaching', name: 'Breaching soon' },
    { id: 'overdue', name: 'Overdue' },
];

export const caseFilters = (viewChoices: { id: string; name: string }[] = VIEW_CHOICES) => [
    <SearchInput key="q" source="q" alwaysOn placeholder="Search cases" />,
    <SelectInput key="view" source="view" label="Inbox view" choices={viewChoices} alwaysOn emptyText="All cases" />,
    <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
    <SelectInput key="priority" source="priority" choices={priorityChoices} />,
    <ReferenceInput key="assignee_id" source="assignee_id" reference="agents" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
        <SelectInput label="Assignee" optionText="name" />
    </ReferenceInput>,
    <ReferenceInput key="team_id" source="team_id" reference="teams" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
        <SelectInput label="Team" optionText="name" />
    </ReferenceInput>,
];

/** The list's filters, with the views this user has (from the inbox) in the view filter. */
export const useCaseFilters = () => {
    const { inbox } = useInbox();
    return caseFilters(inbox?.views.map(view => ({ id: view.id, name: view.label })));
};
