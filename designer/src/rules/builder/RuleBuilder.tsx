import 'react-querybuilder/dist/query-builder.css';
import Box from '@mui/material/Box';
import { QueryBuilderMaterial } from '@react-querybuilder/material';
import { useMemo, useState } from 'react';
import { QueryBuilder } from 'react-querybuilder';
import type { RuleGroupType } from 'react-querybuilder';
import { builderFields } from './fields';
import type { FlowField } from './fields';
import { queryToRule } from './jsonLogicQuery';

interface RuleBuilderProps {
    query: RuleGroupType;
    fields: FlowField[];
    onChange: (rule: unknown) => void;
}

/** One condition in react-querybuilder's Material UI controls: loaded only when a rule is opened (React.lazy). */
export const RuleBuilder = ({ query: initial, fields, onChange }: RuleBuilderProps) => {
    const [query, setQuery] = useState(initial);
    const options = useMemo(() => builderFields(fields), [fields]);
    return (
        <Box data-testid="rule-builder" sx={{ '& .queryBuilder': { fontSize: 14 }, '& .ruleGroup': { bgcolor: 'action.hover' } }}>
            <QueryBuilderMaterial>
                <QueryBuilder
                    fields={options}
                    query={query}
                    parseNumbers
                    onQueryChange={next => {
                        setQuery(next);
                        onChange(queryToRule(next));
                    }}
                    controlClassnames={{ queryBuilder: 'queryBuilder-branches' }}
                />
            </QueryBuilderMaterial>
        </Box>
    );
};

export default RuleBuilder;
