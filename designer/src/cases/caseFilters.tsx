import { ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { CASE_PRIORITIES, CASE_STATUSES } from '../types';
import { humanize } from './format';

const choices = (values: readonly string[]) => values.map(id => ({ id, name: humanize(id) }));

export const statusChoices = choices(CASE_STATUSES);
export const priorityChoices = choices(CASE_PRIORITIES);

export const caseFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
    <SelectInput key="priority" source="priority" choices={priorityChoices} />,
    <ReferenceInput key="assignee_id" source="assignee_id" reference="agents" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
        <SelectInput label="Assignee" optionText="name" />
    </ReferenceInput>,
    <ReferenceInput key="team_id" source="team_id" reference="teams" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
        <SelectInput label="Team" optionText="name" />
    </ReferenceInput>,
];
