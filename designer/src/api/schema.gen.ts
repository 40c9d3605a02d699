/**
 * The Switchboard API's types, generated from its OpenAPI document by openapi-typescript: do not edit.
 * Regenerate with `make api-types` (tests/test_api_types.py fails when this file is stale).
 * Import the names the designer uses from src/types.ts.
 */

export interface paths {
    "/api/webhooks/{source}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive Webhook
         * @description One mention, in our field names or in the sender's shape as the source's `mapping` says.
         */
        post: operations["receive_webhook_api_webhooks__source__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log In
         * @description Check the password; answer a session token and set it as an HttpOnly, SameSite=Strict cookie.
         */
        post: operations["log_in_api_auth_login_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log Out
         * @description End this session (its cookie and token stop working at once).
         */
        post: operations["log_out_api_auth_logout_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who Am I */
        get: operations["who_am_i_api_auth_me_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change Own Password
         * @description Change your password: every session ends, this one included (log in again).
         */
        post: operations["change_own_password_api_auth_password_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start Second Factor
         * @description Begin setting up an authenticator: answers its key; it takes effect once a code confirms it.
         */
        post: operations["start_second_factor_api_auth_totp_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm Second Factor
         * @description Turn the authenticator on with a code it shows; from the next login on, its code is asked for.
         */
        post: operations["confirm_second_factor_api_auth_totp_confirm_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Users */
        get: operations["list_users_api_users_get"];
        put?: never;
        /** Add User */
        post: operations["add_user_api_users_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get User */
        get: operations["get_user_api_users__user_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change User */
        patch: operations["change_user_api_users__user_id__patch"];
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Tokens
         * @description Your API tokens (admins: everyone's); secrets are never shown again.
         */
        get: operations["list_tokens_api_tokens_get"];
        put?: never;
        /**
         * Make Token
         * @description A token for integrations, with scopes within your role; the answer is the only time it is shown.
         */
        post: operations["make_token_api_tokens_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{token_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke Token */
        delete: operations["revoke_token_api_tokens__token_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/codec/decode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decode
         * @description Open sealed payloads (others pass through as they are).
         */
        post: operations["decode_api_codec_decode_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/codec/encode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Encode
         * @description Seal payloads (the UI does this for the inputs of workflows it starts or signals).
         */
        post: operations["encode_api_codec_encode_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Cases
         * @description The cases you may see (a user scoped to teams: their teams' and their own), of one inbox view if
         *     asked (`?view=mine`, or `view` in the filter), each with its conversation's last message.
         */
        get: operations["list_cases_api_cases_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Case */
        get: operations["get_case_api_cases__case_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case_id}/bundle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export Case
         * @description The case as evidence: its history with payloads opened, flow versions, row, timeline and audit entries,
         *     with a manifest signed by the audit key (verify it with `switchboard replay verify FILE`). Recorded.
         */
        get: operations["export_case_api_cases__case_id__bundle_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case_id}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reply To Case */
        post: operations["reply_to_case_api_cases__case_id__replies_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case_id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close Case */
        post: operations["close_case_api_cases__case_id__close_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case_id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Claim Case
         * @description Open the case for work: the first claim wins, others learn who holds it (409 `claimed`).
         */
        post: operations["claim_case_api_cases__case_id__claim_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case_id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release Case
         * @description Give the case back to its team's queue: its holder, or a supervisor for them (409 `not_assignee`
         *     otherwise). The queue offers it to the next eligible agent, not back to the one who held it.
         */
        post: operations["release_case_api_cases__case_id__release_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case_id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve Reply
         * @description Send a reply that waits for approval, as written or with the approver's edit.
         */
        post: operations["approve_reply_api_cases__case_id__approve_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case_id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject Reply */
        post: operations["reject_reply_api_cases__case_id__reject_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case_id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Transfer Case
         * @description Move the case to another team's queue; it keeps its place in line (its waiting time).
         */
        post: operations["transfer_case_api_cases__case_id__transfer_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case_id}/pending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set Pending */
        post: operations["set_pending_api_cases__case_id__pending_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case_id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add Note
         * @description An internal note: never sent to the customer; it travels with the case through every hand-over.
         */
        post: operations["add_note_api_cases__case_id__notes_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case_id}/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change Tags */
        post: operations["change_tags_api_cases__case_id__tags_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case_id}/expert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand To Expert
         * @description Hand the case to an expert outside the contact centre, on the expert's own SLA.
         *
         *     The agent's slot is freed; the expert answers through `POST /api/expert-requests/{id}/answer`
         *     (the request id is the link sent to them), and the answer, kept as a note, puts the case back
         *     in its team's queue.
         */
        post: operations["hand_to_expert_api_cases__case_id__expert_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case_id}/drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Drafts
         * @description Replies of the case that needed approval, pending or decided.
         */
        get: operations["list_drafts_api_cases__case_id__drafts_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case_id}/reply-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check Reply
         * @description Would the flow's approval rule hold this reply, by you, on this case? The composer asks as you write; the
         *     answer is the rule's, on the case as stored now (the reply itself is checked again when sent).
         */
        post: operations["check_reply_api_cases__case_id__reply_check_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{case_id}/presence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who Is Viewing */
        get: operations["who_is_viewing_api_cases__case_id__presence_get"];
        put?: never;
        /**
         * Case Presence
         * @description I am viewing this case (repeat every few seconds); answers who else is.
         */
        post: operations["case_presence_api_cases__case_id__presence_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mentions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Mentions */
        get: operations["list_mentions_api_mentions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mentions/{mention_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Mention */
        get: operations["get_mention_api_mentions__mention_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Teams */
        get: operations["list_teams_api_teams_get"];
        put?: never;
        /**
         * Create Team
         * @description Add a team; its members leave their teams for it, and its queue is dispatched at once.
         */
        post: operations["create_team_api_teams_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{team_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Team
         * @description The team, its members and its queue (waiting cases: `GET /api/cases?filter={"team_id":..,"status":"open"}`).
         */
        get: operations["get_team_api_teams__team_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change Team
         * @description Rename a team or change how its queue works; a new strategy dispatches its waiting cases at once.
         *
         *     A new `allow_pull` or `claim_idle_seconds` holds for cases routed to the team from then on.
         */
        patch: operations["change_team_api_teams__team_id__patch"];
        trace?: never;
    };
    "/api/teams/{team_id}/members/{agent_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add Member
         * @description Move an agent into this team (an agent works in one team: they leave theirs); cases they hold stay theirs,
         *     and the team's waiting cases are dispatched at once. Adding a member twice changes nothing.
         */
        post: operations["add_member_api_teams__team_id__members__agent_id__post"];
        /**
         * Remove Member
         * @description Take an agent out of this team into team `to`; answers this team as it is now.
         */
        delete: operations["remove_member_api_teams__team_id__members__agent_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Agents */
        get: operations["list_agents_api_agents_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agents/{agent_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Agent */
        get: operations["get_agent_api_agents__agent_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change Agent
         * @description Go online or offline, or change capacity and skills; waiting cases are dispatched at once.
         *
         *     An agent changes only their own presence; anything else, or anyone else, takes agents:manage, and moving
         *     them to another team also teams:manage. Channels are sources' ids (404 `unknown_channel` names one that is not).
         *     Going offline hands the agent's unstarted cases back to their queue (first
         *     in line, by their original waiting time); cases they began stay theirs.
         */
        patch: operations["change_agent_api_agents__agent_id__patch"];
        trace?: never;
    };
    "/api/flows/fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Flow Fields
         * @description Per stage, the fields its rules read (engine.flows.data), each with its type and the values known today.
         */
        get: operations["flow_fields_api_flows_fields_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Flows */
        get: operations["list_flows_api_flows_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows/{flow_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Flow */
        get: operations["get_flow_api_flows__flow_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flow_drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Drafts */
        get: operations["list_drafts_api_flow_drafts_get"];
        put?: never;
        /**
         * Create Draft
         * @description A new draft; a document that does not make a working flow is refused (422, each problem with its path).
         */
        post: operations["create_draft_api_flow_drafts_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flow_drafts/{draft_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Draft */
        get: operations["get_draft_api_flow_drafts__draft_id__get"];
        /**
         * Update Draft
         * @description Save the draft; a document that does not make a working flow is refused (422, each problem with its path).
         */
        put: operations["update_draft_api_flow_drafts__draft_id__put"];
        post?: never;
        /** Delete Draft */
        delete: operations["delete_draft_api_flow_drafts__draft_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flow_drafts/{draft_id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish Draft
         * @description A version of the draft's document; cases already running keep the version they started with.
         */
        post: operations["publish_draft_api_flow_drafts__draft_id__publish_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows/{flow_id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Activate */
        post: operations["activate_api_flows__flow_id__activate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/case_events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Case Events */
        get: operations["list_case_events_api_case_events_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/case_events/{event_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Case Event */
        get: operations["get_case_event_api_case_events__event_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit_entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Entries */
        get: operations["list_entries_api_audit_entries_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit_entries/{entry_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Entry */
        get: operations["get_entry_api_audit_entries__entry_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify Log
         * @description Check the whole chain (or from the checkpoint before `since`): "intact", or the first entry where it
         *     breaks and why.
         */
        get: operations["verify_log_api_audit_verify_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Audit Key
         * @description The public keys checkpoints are signed with (Ed25519, base64), the primary's first.
         */
        get: operations["audit_key_api_audit_key_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Checkpoint
         * @description Sign the chain's head now (an auditor pins the log before and after a review).
         */
        post: operations["checkpoint_api_audit_checkpoints_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/experts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Experts */
        get: operations["list_experts_api_experts_get"];
        put?: never;
        /** Create Expert */
        post: operations["create_expert_api_experts_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/experts/{expert_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Expert */
        get: operations["get_expert_api_experts__expert_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/expert-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Requests */
        get: operations["list_requests_api_expert_requests_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/expert-requests/{request_id}/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Link
         * @description The link to send the expert (never listed; whoever may work the case can ask for it again).
         */
        get: operations["get_link_api_expert_requests__request_id__link_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/expert-requests/{request_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Request
         * @description What the expert sees: the question, the case's subject and author, and their answer once given.
         */
        get: operations["get_request_api_expert_requests__request_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/expert-requests/{request_id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer Request
         * @description The expert's answer: kept on the case as a note, and the case goes back to its team's queue.
         */
        post: operations["answer_request_api_expert_requests__request_id__answer_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flow_drafts/{draft_id}/backtest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Backtest Draft
         * @description What the draft would have decided over the period (default: the last 7 days) against what was decided:
         *     re-runs tagging, triage, routing and SLA policy on every inbound mention received then; touches nothing.
         */
        get: operations["backtest_draft_api_flow_drafts__draft_id__backtest_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flow_drafts/{draft_id}/backtest.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Backtest Draft Csv
         * @description Every case the draft would decide otherwise over the period, as CSV, streamed.
         */
        get: operations["backtest_draft_csv_api_flow_drafts__draft_id__backtest_csv_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows/{flow_id}/backtest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Backtest Version
         * @description As a draft's backtest, for a published version: what activating it again (a roll-back) would change.
         */
        get: operations["backtest_version_api_flows__flow_id__backtest_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows/{flow_id}/backtest.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Backtest Version Csv
         * @description Every case the version would decide otherwise over the period, as CSV, streamed.
         */
        get: operations["backtest_version_csv_api_flows__flow_id__backtest_csv_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flow_drafts/{draft_id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Test Draft
         * @description The draft (as saved) tried on one mention: tags, needs-response, priority, queue, SLA policy and
         *     approval, with each stage's rules and traces. Writes nothing.
         */
        post: operations["test_draft_api_flow_drafts__draft_id__test_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows/{flow_id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Test Version
         * @description As a draft's test, for a published version.
         */
        post: operations["test_version_api_flows__flow_id__test_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources/{source}/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import Mentions
         * @description Take in a batch: every valid mention is stored once, threaded, tagged and triaged; invalid ones are
         *     reported by position and field. Mentions of actionable conversations get their cases in the same
         *     transaction, unless `replay` (backfilling history). Needs a token scoped `import:SOURCE` for this source.
         */
        post: operations["import_mentions_api_sources__source__imports_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Conversations */
        get: operations["list_conversations_api_conversations_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Conversation */
        get: operations["get_conversation_api_conversations__conversation_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Sources */
        get: operations["list_sources_api_sources_get"];
        put?: never;
        /**
         * Create Source
         * @description A new source; a webhook source authenticated by token answers its token, this once.
         */
        post: operations["create_source_api_sources_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources/{source_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Source */
        get: operations["get_source_api_sources__source_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change Source */
        patch: operations["change_source_api_sources__source_id__patch"];
        trace?: never;
    };
    "/api/sources/{source_id}/webhook-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * New Webhook Token
         * @description A new token for a webhook source (its auth becomes `token`); the old one stops working at once (in
         *     another API process, within a second: api/webhooks/sources.py).
         */
        post: operations["new_webhook_token_api_sources__source_id__webhook_token_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources/{source_id}/poll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Poll Source */
        post: operations["poll_source_api_sources__source_id__poll_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Customers
         * @description Customers (merged ones only when filtered by `merged_into` or `id`); `q` searches names.
         */
        get: operations["list_customers_api_customers_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{customer_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Customer */
        get: operations["get_customer_api_customers__customer_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{customer_id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Post Note */
        post: operations["post_note_api_customers__customer_id__notes_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{customer_id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge
         * @description Merge another customer into this one: their identities, conversations and mentions move here.
         */
        post: operations["merge_api_customers__customer_id__merge_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Inbox
         * @description The inbox views you have (Mine, Unassigned, Breaching soon, Overdue, Waiting for approval, one per team)
         *     with the count of open cases in each; `GET /api/cases?view=<id>` lists them.
         */
        get: operations["get_inbox_api_inbox_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live Stream
         * @description Changes to the cases you may see, as they happen (Server-Sent Events; the session cookie works with
         *     EventSource). A client that does not accept `text/event-stream` gets one round of events, then the end.
         */
        get: operations["live_stream_api_stream_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Notifications
         * @description Your latest notifications, newest first: escalations of cases you see, replies waiting for your approval
         *     (approvers), cases assigned or transferred to you.
         */
        get: operations["get_notifications_api_notifications_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Read Notifications
         * @description Mark a notification, and every older one, read.
         */
        post: operations["read_notifications_api_notifications_read_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/canned_replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Canned Replies
         * @description The canned replies the caller may insert (all of them, for those who manage them); `channel` narrows
         *     them to those that suit one source.
         */
        get: operations["list_canned_replies_api_canned_replies_get"];
        put?: never;
        /**
         * Create
         * @description A new canned reply, for everyone or one team, on every channel or some.
         */
        post: operations["create_api_canned_replies_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/canned_replies/{reply_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Canned Reply */
        get: operations["get_canned_reply_api_canned_replies__reply_id__get"];
        put?: never;
        post?: never;
        /**
         * Delete
         * @description Remove a canned reply; answers it as it was.
         */
        delete: operations["delete_api_canned_replies__reply_id__delete"];
        options?: never;
        head?: never;
        /**
         * Change
         * @description Change a canned reply's title, text, team or channels; absent fields stay as they are.
         */
        patch: operations["change_api_canned_replies__reply_id__patch"];
        trace?: never;
    };
    "/api/analytics/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Case Analytics
         * @description A case metric over [since, until), one row per group; a team-scoped user counts their teams' cases.
         */
        get: operations["case_analytics_api_analytics_cases_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/mentions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Mention Analytics
         * @description Mentions written in [since, until), one row per group; a team-scoped user counts the mentions of their
         *     teams' cases' conversations, as the mention list shows them.
         */
        get: operations["mention_analytics_api_analytics_mentions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/live/snapshot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live Snapshot
         * @description The live dashboard's figures now: queue depths and oldest waiting per team, SLA breaches in the last hour,
         *     the inbound mention rate, agents online and open cases by priority; a team-scoped user sees their teams'.
         */
        get: operations["live_snapshot_api_analytics_live_snapshot_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live Dashboard
         * @description The live dashboard's figures as they change (Server-Sent Events; the session cookie works with EventSource).
         *     A client that does not accept `text/event-stream` gets one snapshot, then the end.
         */
        get: operations["live_dashboard_api_analytics_live_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/crisis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Crisis
         * @description Normal, or a crisis since when and why, with the figures; the watch's last check; the timeline.
         */
        get: operations["get_crisis_api_crisis_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/crisis/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Crisis Settings */
        get: operations["get_crisis_settings_api_crisis_settings_get"];
        /**
         * Put Crisis Settings
         * @description Set crisis mode up (audited). With detection `enabled`, the watch is started (or asked to check now).
         */
        put: operations["put_crisis_settings_api_crisis_settings_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/crisis/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start
         * @description Start a crisis by hand: the crisis flow for new cases, the backup teams in their queues, supervisors told.
         *     A crisis started by hand is ended by hand.
         */
        post: operations["start_api_crisis_start_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/crisis/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End
         * @description End the crisis: the flow active before it is back for new cases, the backup leaves the queues (the cases
         *     they took stay theirs).
         */
        post: operations["end_api_crisis_end_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Reports
         * @description The shared reports and the caller's own.
         */
        get: operations["list_reports_api_reports_get"];
        put?: never;
        /**
         * Create
         * @description Save a report; the caller owns it. With a schedule, its result is POSTed to its webhook and emailed to its
         *     recipients daily or weekly.
         */
        post: operations["create_api_reports_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{report_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Report */
        get: operations["get_report_api_reports__report_id__get"];
        put?: never;
        post?: never;
        /**
         * Delete
         * @description Remove a report (and its schedule); answers it as it was. Its owner (or an admin) only.
         */
        delete: operations["delete_api_reports__report_id__delete"];
        options?: never;
        head?: never;
        /**
         * Change
         * @description Change a report's fields; absent ones stay as they are (a null schedule_cadence unschedules it). Its
         *     owner (or an admin) only.
         */
        patch: operations["change_api_reports__report_id__patch"];
        trace?: never;
    };
    "/api/reports/{report_id}/deliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deliver
         * @description Deliver a scheduled report to its webhook and recipients now, beside its scheduled deliveries. Its owner
         *     (or an admin).
         */
        post: operations["deliver_api_reports__report_id__deliver_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{report_id}/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Report Result
         * @description Run the report now: its period resolved at this instant in its time zone, the rows GET
         *     /api/analytics/<kind> answers for the same fields.
         */
        get: operations["report_result_api_reports__report_id__result_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export Cases
         * @description Every case opened in [since, until) that the caller sees (a team-scoped user: their teams' and their own),
         *     by opened_at then id; columns as store.exports.CASE_COLUMNS.
         */
        get: operations["export_cases_api_exports_cases_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/mentions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export Mentions
         * @description Every mention written in [since, until) that the caller sees (a team-scoped user: the mentions of their
         *     cases' conversations), by created_at then id; columns as store.exports.MENTION_COLUMNS.
         */
        get: operations["export_mentions_api_exports_mentions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{report_id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export Report
         * @description The report's result now (as GET /api/reports/{id}/result), its rows in REPORT_COLUMNS.
         */
        get: operations["export_report_api_reports__report_id__export_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Events
         * @description Events after a cursor, oldest first, with the payloads webhooks carry; resume with `next_cursor`.
         */
        get: operations["list_events_api_events_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Subscriptions
         * @description Webhook subscriptions with their health and backlog.
         */
        get: operations["list_subscriptions_api_subscriptions_get"];
        put?: never;
        /**
         * Create Subscription
         * @description Subscribe a target to event types; it receives events written from now on (the feed has the past).
         */
        post: operations["create_subscription_api_subscriptions_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/subscriptions/{subscription_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Subscription */
        get: operations["get_subscription_api_subscriptions__subscription_id__get"];
        put?: never;
        post?: never;
        /**
         * Delete Subscription
         * @description Remove a subscription (its delivery log stays); answers it as it was.
         */
        delete: operations["delete_subscription_api_subscriptions__subscription_id__delete"];
        options?: never;
        head?: never;
        /**
         * Change Subscription
         * @description Change a subscription; `active` pauses it (its backlog kept) or resumes it (the backlog delivered).
         */
        patch: operations["change_subscription_api_subscriptions__subscription_id__patch"];
        trace?: never;
    };
    "/api/subscriptions/{subscription_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Latest Deliveries
         * @description This subscription's latest tries, newest first: status code, latency, error, attempt.
         */
        get: operations["latest_deliveries_api_subscriptions__subscription_id__deliveries_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/subscription_deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Deliveries
         * @description Every subscription's delivery log as a react-admin list (filter by subscription_id, ok, type).
         */
        get: operations["list_deliveries_api_subscription_deliveries_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/subscriptions/{subscription_id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send Test
         * @description Send a signed `subscription.test` event now, whatever the subscription's types, filter or pause; answers
         *     the delivery (ok, status code, latency, error), also kept in its log.
         */
        post: operations["send_test_api_subscriptions__subscription_id__test_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/share-of-voice/terms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Share Of Voice Terms
         * @description The brand and competitors share of voice counts, and where they come from.
         */
        get: operations["get_share_of_voice_terms_api_analytics_share_of_voice_terms_get"];
        /**
         * Put Share Of Voice Terms
         * @description Set the brand and competitors (each name and term once, case aside); share of voice counts by them from now
         *     on, over any period.
         */
        put: operations["put_share_of_voice_terms_api_analytics_share_of_voice_terms_put"];
        post?: never;
        /**
         * Delete Share Of Voice Terms
         * @description Forget the saved names: share of voice counts by the setting SWITCHBOARD_SHARE_OF_VOICE again (if set).
         *     Nothing saved: nothing changes (the request is audited all the same).
         */
        delete: operations["delete_share_of_voice_terms_api_analytics_share_of_voice_terms_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health */
        get: operations["health_api_health_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Metrics */
        get: operations["metrics_api_metrics_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * AgentChange
         * @description Fields an agent (their own `online` only) or their lead changes; absent fields stay as they are.
         */
        AgentChange: {
            /** Online */
            online?: boolean | null;
            /**
             * Capacity
             * @description most open cases at once, over all channels
             */
            capacity?: number | null;
            /**
             * Channel Capacity
             * @description channel (a source's id) -> most open cases on it at once, e.g. {"email": 10}
             */
            channel_capacity?: {
                [key: string]: number;
            } | null;
            /**
             * Skills
             * @description skill (lowercase, digits, - and _) -> level, 1 (novice) to 5 (expert), e.g. {"billing": 4}
             */
            skills?: {
                [key: string]: components["schemas"]["JsonValue"] | number;
            } | null;
            /**
             * Languages
             * @description languages spoken as tags (en, pt-BR); empty: any language
             */
            languages?: string[] | null;
            /**
             * Channels
             * @description channels served (sources' ids); empty: any channel
             */
            channels?: string[] | null;
            /**
             * Team Id
             * @description the team (queue) they work in; cases they hold stay theirs
             */
            team_id?: string | null;
        };
        /** AgentPublic */
        AgentPublic: {
            /** Name */
            name: string;
            /** Email */
            email: string;
            /** Team Id */
            team_id: string;
            /**
             * Online
             * @default true
             */
            online: boolean;
            /**
             * Capacity
             * @description Most open cases at once
             * @default 5
             */
            capacity: number;
            /** Channel Capacity */
            channel_capacity: {
                [key: string]: number;
            };
            /** Skills */
            skills: {
                [key: string]: number;
            };
            /** Languages */
            languages: string[];
            /** Channels */
            channels: string[];
            /** Roles */
            roles: string[];
            /**
             * Seniority
             * @description junior or senior; approval rules may use it
             * @default senior
             */
            seniority: string;
            /** Id */
            id: string;
            /**
             * Open Cases
             * @default 0
             */
            open_cases: number;
        };
        /** AnalyticsReport */
        AnalyticsReport: {
            /** Metric */
            metric: string;
            /** Group By */
            group_by: string;
            /**
             * Since
             * Format: date-time
             */
            since: string;
            /**
             * Until
             * Format: date-time
             */
            until: string;
            /**
             * Tz
             * @description The time zone days and hours are counted in
             */
            tz: string;
            /**
             * Hours
             * @description calendar: elapsed time; business: open time in each case's SLA calendar
             * @default calendar
             */
            hours: string;
            /**
             * Period Column
             * @description The instant that puts a case (or mention) in the period: opened_at, closed_at, decided_at (approval_rate), created_at, or until: backlog and workload are counted at the period's end (or now if sooner)
             */
            period_column: string;
            /** Rows */
            rows: components["schemas"]["AnalyticsRow"][];
        };
        /** AnalyticsRow */
        AnalyticsRow: {
            /**
             * Group
             * @description The group's key: a channel, team id, agent id, priority, tag, SLA policy id, language, sentiment label, local day (YYYY-MM-DD) or hour (YYYY-MM-DDTHH:00+HH:MM); null for the whole period (group_by=none) and for cases (or mentions) with no team, agent, tag or language
             */
            group: string | null;
            /**
             * Count
             * @description What the value was computed from: cases (or mentions) counted; for durations, the cases that have one; for sla, the target's outcomes
             */
            count: number;
            /**
             * Value
             * @description The headline: the count (opened, closed, backlog, workload, volume), the mean seconds (first_response, next_response, resolution, handle), the attainment met / (met + breached) (sla), the rate (transfer_rate, reopen_rate, approval_rate), the mean sentiment (-1..1) or the share (share_of_voice); null when nothing was counted
             */
            value: number | null;
            /**
             * Target
             * @description sla: the SLA target of this row
             */
            target: string | null;
            /**
             * Mean
             * @description Durations: the mean, in seconds
             */
            mean: number | null;
            /**
             * Median
             * @description Durations: the median, in seconds (the mean of the two middle values for an even count). Exact up to 5,000 values in the period (next_response: 200); above, read from the case rollup's log-scale histogram: within 0.99% of the exact median
             */
            median: number | null;
            /**
             * P90
             * @description Durations: the 90th percentile by nearest rank, in seconds (the value at rank ceil(0.9 * count)). Exact up to 5,000 values in the period (next_response: 200); above, within 0.99%
             */
            p90: number | null;
            /**
             * Met
             * @description sla: outcomes met
             */
            met: number | null;
            /**
             * Breached
             * @description sla: outcomes breached
             */
            breached: number | null;
            /**
             * Closed Without Response
             * @description sla: cases closed before any response and before the deadline; not in the attainment
             */
            closed_without_response: number | null;
            /**
             * Matching
             * @description Rates: the cases transferred (or reopened) at least once; approval_rate: the replies approved; auto_reply_rate: the cases auto-replied; resolved_by_auto_reply: those closed with no human reply
             */
            matching: number | null;
            /**
             * Ages
             * @description backlog and workload: the open cases per age (<1h, 1-4h, 4-24h, 1-3d, >3d) at the instant
             */
            ages: {
                [key: string]: number;
            } | null;
            /**
             * Name
             * @description share_of_voice: the brand or competitor of this row
             */
            name: string | null;
        };
        /** AnswerRequest */
        AnswerRequest: {
            /** Text */
            text: string;
        };
        /** ApiTokenCreated */
        ApiTokenCreated: {
            /** Name */
            name: string;
            /** Scopes */
            scopes: string[];
            /** Expires At */
            expires_at: string | null;
            /** Id */
            id: string;
            /** User Id */
            user_id: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Last Used At */
            last_used_at: string | null;
            /** Revoked At */
            revoked_at: string | null;
            /**
             * Token
             * @description shown this once: store it now, it cannot be read again
             */
            token: string;
        };
        /** ApiTokenPublic */
        ApiTokenPublic: {
            /** Name */
            name: string;
            /** Scopes */
            scopes: string[];
            /** Expires At */
            expires_at: string | null;
            /** Id */
            id: string;
            /** User Id */
            user_id: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Last Used At */
            last_used_at: string | null;
            /** Revoked At */
            revoked_at: string | null;
        };
        /** ApproveRequest */
        ApproveRequest: {
            /** Reply Id */
            reply_id: string;
            /**
             * Text
             * @description Send this edit instead.
             */
            text?: string | null;
        };
        /** AuditEntry */
        AuditEntry: {
            /**
             * Id
             * @description 1, 2, 3...: the entry's place in the chain
             */
            id: number;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /**
             * Actor
             * @description who: a user's id, an integration (source:ID) or system
             */
            actor: string;
            /**
             * Via
             * @description how a person acted: session, or token:ID
             */
            via: string | null;
            /**
             * Action
             * @description what, e.g. auth.login, flow.publish, case.claimed
             */
            action: string;
            /**
             * Target Type
             * @description the kind of thing acted on: user, case, flow...
             */
            target_type: string | null;
            /** Target Id */
            target_id: string | null;
            /** Before */
            before: {
                [key: string]: components["schemas"]["JsonValue"];
            } | null;
            /** After */
            after: {
                [key: string]: components["schemas"]["JsonValue"];
            } | null;
            /** Detail */
            detail: {
                [key: string]: components["schemas"]["JsonValue"];
            } | null;
            /**
             * Prev
             * @description the hash of the entry before (GENESIS for the first)
             */
            prev: string;
            /**
             * Hash
             * @description SHA-256 of the canonical encoding of this entry, prev included
             */
            hash: string;
        };
        /** BacktestMove */
        BacktestMove: {
            /**
             * Field
             * @description one of queue, priority, sla_policy
             */
            field: string;
            /** Live */
            live: string | null;
            /** Draft */
            draft: string | null;
            /** Cases */
            cases: number;
        };
        /** BacktestReport */
        BacktestReport: {
            /**
             * Flow Version
             * @description the version the backtested document would have
             */
            flow_version: string;
            /**
             * Since
             * Format: date-time
             */
            since: string;
            /**
             * Until
             * Format: date-time
             */
            until: string;
            /** Seconds */
            seconds: number;
            totals: components["schemas"]["BacktestTotals"];
            /**
             * Sample
             * @description the first cases decided otherwise, in arrival order
             */
            sample: components["schemas"]["BacktestRow"][];
        };
        /** BacktestRow */
        BacktestRow: {
            /**
             * Kind
             * @description changed, would_open or would_not_open
             */
            kind: string;
            /** Case Id */
            case_id: string | null;
            /** Mention Id */
            mention_id: string;
            /** Conversation Id */
            conversation_id: string;
            /**
             * Received At
             * Format: date-time
             */
            received_at: string;
            /** Source */
            source: string;
            /** Changed */
            changed: string[];
            /** Live Queue */
            live_queue: string | null;
            /** Draft Queue */
            draft_queue: string | null;
            /** Live Priority */
            live_priority: string | null;
            /** Draft Priority */
            draft_priority: string | null;
            /** Live Sla Policy */
            live_sla_policy: string | null;
            /** Draft Sla Policy */
            draft_sla_policy: string | null;
            /** Live Flow Version */
            live_flow_version: string | null;
            /** Tags Added */
            tags_added: string[];
            /** Tags Removed */
            tags_removed: string[];
        };
        /** BacktestTotals */
        BacktestTotals: {
            /**
             * Mentions
             * @description inbound mentions received in the period
             */
            mentions: number;
            /**
             * Tags Changed
             * @description mentions whose tags would differ
             */
            tags_changed: number;
            /**
             * Needs Response Changed
             * @description mentions triage would answer otherwise
             */
            needs_response_changed: number;
            /**
             * Live Cases
             * @description cases the period's mentions opened
             */
            live_cases: number;
            /**
             * Draft Cases
             * @description cases they would open under this flow
             */
            draft_cases: number;
            /**
             * Changed
             * @description cases opened both ways whose queue, priority or SLA policy would change
             */
            changed: number;
            /** Would Open */
            would_open: number;
            /** Would Not Open */
            would_not_open: number;
            /** By Field */
            by_field: {
                [key: string]: number;
            };
            /**
             * Moves
             * @description the most frequent changes, as live -> draft, with their counts
             */
            moves: components["schemas"]["BacktestMove"][];
            /**
             * Live Flow Versions
             * @description the versions the live cases were decided under
             */
            live_flow_versions: {
                [key: string]: number;
            };
        };
        /**
         * BackupTeam
         * @description A team of trained people from elsewhere who join these queues in a crisis.
         */
        BackupTeam: {
            /**
             * Team Id
             * @description the backup team: its members join the queues
             */
            team_id: string;
            /**
             * Queues
             * @description the teams whose queues they join (a team is a queue)
             */
            queues: string[];
        };
        /**
         * CannedReplyChange
         * @description Fields to change; absent ones stay as they are (`team_id: null` makes it everyone's).
         */
        CannedReplyChange: {
            /** Title */
            title?: string | null;
            /** Text */
            text?: string | null;
            /**
             * Team Id
             * @description the team whose agents see it; null: everyone
             */
            team_id?: string | null;
            /** Channels */
            channels?: string[] | null;
        };
        /**
         * CannedReplyCreate
         * @description A new canned reply; its id is made from its title.
         */
        CannedReplyCreate: {
            /**
             * Title
             * @description what agents pick it by: 1 to 80 characters
             */
            title: string;
            /**
             * Text
             * @description the reply, 1 to 2000 characters; it may name {{customer.name}}, {{agent.name}}, {{case.id}}, filled in when an agent inserts it
             */
            text: string;
            /**
             * Team Id
             * @description the team whose agents see it; null: everyone
             */
            team_id?: string | null;
            /**
             * Channels
             * @description sources' ids (GET /api/sources) it suits; empty: every channel
             */
            channels?: string[];
        };
        /** CannedReplyPublic */
        CannedReplyPublic: {
            /**
             * Title
             * @description What agents pick it by, e.g. 'Refund on its way'
             */
            title: string;
            /**
             * Text
             * @description The reply, with {{customer.name}}, {{agent.name}} or {{case.id}} in it
             */
            text: string;
            /**
             * Team Id
             * @description The team whose agents see it; null: everyone
             */
            team_id: string | null;
            /**
             * Channels
             * @description Sources' ids it suits; empty: every channel
             */
            channels: string[];
            /** Id */
            id: string;
            /** Created By */
            created_by: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Updated By */
            updated_by: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** CaseAssigned */
        CaseAssigned: {
            case: components["schemas"]["CaseRef"];
            /** @description The customer of the case's conversation, if known */
            customer: components["schemas"]["CustomerRef"] | null;
            /**
             * Timeline Event
             * @description The case_event row this event comes from (/api/case_events/<id>)
             */
            timeline_event: string;
            /**
             * Actor
             * @description Who made the change: an agent's id, or system
             */
            actor: string;
            /** Agent Id */
            agent_id: string | null;
            /** Team Id */
            team_id: string | null;
            /**
             * Previous
             * @description The agent it was assigned to before, on a reassignment
             */
            previous: string | null;
        };
        /**
         * CaseAssignedEvent
         * @description A case.assigned event (payload version 1)
         */
        CaseAssignedEvent: {
            /**
             * Cursor
             * @description Increasing in commit order: resume the feed with after=<cursor>
             */
            cursor: number;
            /**
             * Id
             * @description UUID: the idempotency key (the Idempotency-Key header of webhook deliveries)
             */
            id: string;
            /**
             * Version
             * @description The payload's schema version
             */
            version: number;
            /**
             * Case Id
             * @description The case the event concerns, if any
             */
            case_id: string | null;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "case.assigned";
            data: components["schemas"]["CaseAssigned"];
        };
        /** CaseClaimed */
        CaseClaimed: {
            case: components["schemas"]["CaseRef"];
            /** @description The customer of the case's conversation, if known */
            customer: components["schemas"]["CustomerRef"] | null;
            /**
             * Timeline Event
             * @description The case_event row this event comes from (/api/case_events/<id>)
             */
            timeline_event: string;
            /**
             * Actor
             * @description Who made the change: an agent's id, or system
             */
            actor: string;
            /** Mode */
            mode: string | null;
        };
        /**
         * CaseClaimedEvent
         * @description A case.claimed event (payload version 1)
         */
        CaseClaimedEvent: {
            /**
             * Cursor
             * @description Increasing in commit order: resume the feed with after=<cursor>
             */
            cursor: number;
            /**
             * Id
             * @description UUID: the idempotency key (the Idempotency-Key header of webhook deliveries)
             */
            id: string;
            /**
             * Version
             * @description The payload's schema version
             */
            version: number;
            /**
             * Case Id
             * @description The case the event concerns, if any
             */
            case_id: string | null;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "case.claimed";
            data: components["schemas"]["CaseClaimed"];
        };
        /** CaseClosed */
        CaseClosed: {
            case: components["schemas"]["CaseRef"];
            /** @description The customer of the case's conversation, if known */
            customer: components["schemas"]["CustomerRef"] | null;
            /**
             * Timeline Event
             * @description The case_event row this event comes from (/api/case_events/<id>)
             */
            timeline_event: string;
            /**
             * Actor
             * @description Who made the change: an agent's id, or system
             */
            actor: string;
            /** Reason */
            reason: string | null;
        };
        /**
         * CaseClosedEvent
         * @description A case.closed event (payload version 1)
         */
        CaseClosedEvent: {
            /**
             * Cursor
             * @description Increasing in commit order: resume the feed with after=<cursor>
             */
            cursor: number;
            /**
             * Id
             * @description UUID: the idempotency key (the Idempotency-Key header of webhook deliveries)
             */
            id: string;
            /**
             * Version
             * @description The payload's schema version
             */
            version: number;
            /**
             * Case Id
             * @description The case the event concerns, if any
             */
            case_id: string | null;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "case.closed";
            data: components["schemas"]["CaseClosed"];
        };
        /** CaseEscalated */
        CaseEscalated: {
            case: components["schemas"]["CaseRef"];
            /** @description The customer of the case's conversation, if known */
            customer: components["schemas"]["CustomerRef"] | null;
            /**
             * Timeline Event
             * @description The case_event row this event comes from (/api/case_events/<id>)
             */
            timeline_event: string;
            /**
             * Actor
             * @description Who made the change: an agent's id, or system
             */
            actor: string;
            /** Level */
            level: number | null;
            /**
             * Target
             * @description The SLA target (first_response, resolution...)
             */
            target: string | null;
        };
        /**
         * CaseEscalatedEvent
         * @description A case.escalated event (payload version 1)
         */
        CaseEscalatedEvent: {
            /**
             * Cursor
             * @description Increasing in commit order: resume the feed with after=<cursor>
             */
            cursor: number;
            /**
             * Id
             * @description UUID: the idempotency key (the Idempotency-Key header of webhook deliveries)
             */
            id: string;
            /**
             * Version
             * @description The payload's schema version
             */
            version: number;
            /**
             * Case Id
             * @description The case the event concerns, if any
             */
            case_id: string | null;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "case.escalated";
            data: components["schemas"]["CaseEscalated"];
        };
        /** CaseEventPublic */
        CaseEventPublic: {
            /** Case Id */
            case_id: string;
            /** Seq */
            seq: number;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Kind */
            kind: string;
            /**
             * Actor
             * @default system
             */
            actor: string;
            /** Detail */
            detail: {
                [key: string]: components["schemas"]["JsonValue"];
            };
            /** Id */
            id: string;
        };
        /** CaseLinks */
        CaseLinks: {
            /**
             * Api
             * @description The case in the API, e.g. /api/cases/<id>
             */
            api: string;
            /**
             * Designer
             * @description The case in the designer, e.g. /#/cases/<id>/show
             */
            designer: string;
            /**
             * Conversation
             * @description Its conversation in the API
             */
            conversation: string;
        };
        /** CaseListItem */
        CaseListItem: {
            /** Workflow Id */
            workflow_id: string;
            /** Conversation Id */
            conversation_id: string;
            /** Source */
            source: string;
            /** @default open */
            status: components["schemas"]["CaseStatus"];
            /** @default normal */
            priority: components["schemas"]["Priority"];
            /**
             * Needs Response
             * @default true
             */
            needs_response: boolean;
            /**
             * Sentiment
             * @description The most negative of its mentions' sentiments (-1..1): a complaint stays one after a thank-you
             * @default 0
             */
            sentiment: number;
            /** Tags */
            tags: string[];
            /** Team Id */
            team_id: string | null;
            /** Assignee Id */
            assignee_id: string | null;
            /**
             * Author
             * @default
             */
            author: string;
            /**
             * Subject
             * @default
             */
            subject: string;
            /**
             * Opened At
             * Format: date-time
             */
            opened_at: string;
            /** Assigned At */
            assigned_at: string | null;
            /** First Response At */
            first_response_at: string | null;
            /** Closed At */
            closed_at: string | null;
            close_reason: components["schemas"]["CloseReason"] | null;
            /** Sla Due At */
            sla_due_at: string | null;
            /**
             * Sla Breached
             * @default false
             */
            sla_breached: boolean;
            /** Flow Version */
            flow_version: string;
            /** First Response Seconds */
            first_response_seconds: number | null;
            /** Resolution Seconds */
            resolution_seconds: number | null;
            /**
             * Mention Count
             * @default 0
             */
            mention_count: number;
            /**
             * Reply Count
             * @default 0
             */
            reply_count: number;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Claimed By */
            claimed_by: string | null;
            /** Claimed At */
            claimed_at: string | null;
            /**
             * Transfers
             * @default 0
             */
            transfers: number;
            /**
             * Escalation Level
             * @default 0
             */
            escalation_level: number;
            /**
             * Drafts Pending
             * @description Replies waiting for approval
             * @default 0
             */
            drafts_pending: number;
            /** Sla */
            sla: {
                [key: string]: components["schemas"]["JsonValue"];
            };
            /**
             * Sla Policy
             * @description The SLA policy its clocks run under (the latest chosen); null when its flow set none
             */
            sla_policy: string | null;
            /**
             * Notes
             * @description Internal notes (author, at, text, kind); never sent to the customer
             */
            notes: {
                [key: string]: components["schemas"]["JsonValue"];
            }[];
            /**
             * Expert Id
             * @description The outside expert consulted last
             */
            expert_id: string | null;
            /**
             * Expert Request Id
             * @description Their request: the link the expert answers by
             */
            expert_request_id: string | null;
            /**
             * Reopen Count
             * @default 0
             */
            reopen_count: number;
            /**
             * Handle Seconds
             * @description Time agents held the case for work
             * @default 0
             */
            handle_seconds: number;
            /**
             * Sla Outcomes
             * @description Per SLA target, once closed: met, breached or closed_without_response (engine.measures)
             */
            sla_outcomes: {
                [key: string]: components["schemas"]["JsonValue"];
            };
            /**
             * Auto Reply Id
             * @description The canned reply the case was auto-replied with (the flow's triage auto_reply); never a human's response
             */
            auto_reply_id: string | null;
            /** Auto Replied At */
            auto_replied_at: string | null;
            /** Id */
            id: string;
            /** @description The conversation's newest message; null when it has none, or the caller may not read mentions */
            last_message: components["schemas"]["LastMessage"] | null;
        };
        /** CaseMeasured */
        CaseMeasured: {
            case: components["schemas"]["CaseRef"];
            /** @description The customer of the case's conversation, if known */
            customer: components["schemas"]["CustomerRef"] | null;
            /**
             * Timeline Event
             * @description The case_event row this event comes from (/api/case_events/<id>)
             */
            timeline_event: string;
            /**
             * Actor
             * @description Who made the change: an agent's id, or system
             */
            actor: string;
            /** First Response Seconds */
            first_response_seconds: number | null;
            /** Resolution Seconds */
            resolution_seconds: number | null;
            /** Handle Seconds */
            handle_seconds: number | null;
            /** Sla Breached */
            sla_breached: boolean | null;
            /** Sla Outcomes */
            sla_outcomes: {
                [key: string]: string;
            };
        };
        /**
         * CaseMeasuredEvent
         * @description A case.measured event (payload version 1)
         */
        CaseMeasuredEvent: {
            /**
             * Cursor
             * @description Increasing in commit order: resume the feed with after=<cursor>
             */
            cursor: number;
            /**
             * Id
             * @description UUID: the idempotency key (the Idempotency-Key header of webhook deliveries)
             */
            id: string;
            /**
             * Version
             * @description The payload's schema version
             */
            version: number;
            /**
             * Case Id
             * @description The case the event concerns, if any
             */
            case_id: string | null;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "case.measured";
            data: components["schemas"]["CaseMeasured"];
        };
        /** CaseOpened */
        CaseOpened: {
            case: components["schemas"]["CaseRef"];
            /** @description The customer of the case's conversation, if known */
            customer: components["schemas"]["CustomerRef"] | null;
            /**
             * Timeline Event
             * @description The case_event row this event comes from (/api/case_events/<id>)
             */
            timeline_event: string;
            /**
             * Actor
             * @description Who made the change: an agent's id, or system
             */
            actor: string;
            /**
             * Mention Id
             * @description The mention that opened the case
             */
            mention_id: string | null;
        };
        /**
         * CaseOpenedEvent
         * @description A case.opened event (payload version 1)
         */
        CaseOpenedEvent: {
            /**
             * Cursor
             * @description Increasing in commit order: resume the feed with after=<cursor>
             */
            cursor: number;
            /**
             * Id
             * @description UUID: the idempotency key (the Idempotency-Key header of webhook deliveries)
             */
            id: string;
            /**
             * Version
             * @description The payload's schema version
             */
            version: number;
            /**
             * Case Id
             * @description The case the event concerns, if any
             */
            case_id: string | null;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "case.opened";
            data: components["schemas"]["CaseOpened"];
        };
        /** CasePublic */
        CasePublic: {
            /** Workflow Id */
            workflow_id: string;
            /** Conversation Id */
            conversation_id: string;
            /** Source */
            source: string;
            /** @default open */
            status: components["schemas"]["CaseStatus"];
            /** @default normal */
            priority: components["schemas"]["Priority"];
            /**
             * Needs Response
             * @default true
             */
            needs_response: boolean;
            /**
             * Sentiment
             * @description The most negative of its mentions' sentiments (-1..1): a complaint stays one after a thank-you
             * @default 0
             */
            sentiment: number;
            /** Tags */
            tags: string[];
            /** Team Id */
            team_id: string | null;
            /** Assignee Id */
            assignee_id: string | null;
            /**
             * Author
             * @default
             */
            author: string;
            /**
             * Subject
             * @default
             */
            subject: string;
            /**
             * Opened At
             * Format: date-time
             */
            opened_at: string;
            /** Assigned At */
            assigned_at: string | null;
            /** First Response At */
            first_response_at: string | null;
            /** Closed At */
            closed_at: string | null;
            close_reason: components["schemas"]["CloseReason"] | null;
            /** Sla Due At */
            sla_due_at: string | null;
            /**
             * Sla Breached
             * @default false
             */
            sla_breached: boolean;
            /** Flow Version */
            flow_version: string;
            /** First Response Seconds */
            first_response_seconds: number | null;
            /** Resolution Seconds */
            resolution_seconds: number | null;
            /**
             * Mention Count
             * @default 0
             */
            mention_count: number;
            /**
             * Reply Count
             * @default 0
             */
            reply_count: number;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Claimed By */
            claimed_by: string | null;
            /** Claimed At */
            claimed_at: string | null;
            /**
             * Transfers
             * @default 0
             */
            transfers: number;
            /**
             * Escalation Level
             * @default 0
             */
            escalation_level: number;
            /**
             * Drafts Pending
             * @description Replies waiting for approval
             * @default 0
             */
            drafts_pending: number;
            /** Sla */
            sla: {
                [key: string]: components["schemas"]["JsonValue"];
            };
            /**
             * Sla Policy
             * @description The SLA policy its clocks run under (the latest chosen); null when its flow set none
             */
            sla_policy: string | null;
            /**
             * Notes
             * @description Internal notes (author, at, text, kind); never sent to the customer
             */
            notes: {
                [key: string]: components["schemas"]["JsonValue"];
            }[];
            /**
             * Expert Id
             * @description The outside expert consulted last
             */
            expert_id: string | null;
            /**
             * Expert Request Id
             * @description Their request: the link the expert answers by
             */
            expert_request_id: string | null;
            /**
             * Reopen Count
             * @default 0
             */
            reopen_count: number;
            /**
             * Handle Seconds
             * @description Time agents held the case for work
             * @default 0
             */
            handle_seconds: number;
            /**
             * Sla Outcomes
             * @description Per SLA target, once closed: met, breached or closed_without_response (engine.measures)
             */
            sla_outcomes: {
                [key: string]: components["schemas"]["JsonValue"];
            };
            /**
             * Auto Reply Id
             * @description The canned reply the case was auto-replied with (the flow's triage auto_reply); never a human's response
             */
            auto_reply_id: string | null;
            /** Auto Replied At */
            auto_replied_at: string | null;
            /** Id */
            id: string;
        };
        /** CaseRef */
        CaseRef: {
            /** Id */
            id: string;
            /** Status */
            status: string;
            /** Priority */
            priority: string;
            /** Source */
            source: string;
            /** Conversation Id */
            conversation_id: string;
            /** Team Id */
            team_id: string | null;
            /** Assignee Id */
            assignee_id: string | null;
            /** Subject */
            subject: string;
            /** Tags */
            tags: string[];
            /**
             * Opened At
             * Format: date-time
             */
            opened_at: string;
            /** Closed At */
            closed_at: string | null;
            links: components["schemas"]["CaseLinks"];
        };
        /** CaseReplied */
        CaseReplied: {
            case: components["schemas"]["CaseRef"];
            /** @description The customer of the case's conversation, if known */
            customer: components["schemas"]["CustomerRef"] | null;
            /**
             * Timeline Event
             * @description The case_event row this event comes from (/api/case_events/<id>)
             */
            timeline_event: string;
            /**
             * Actor
             * @description Who made the change: an agent's id, or system
             */
            actor: string;
            /** Reply Id */
            reply_id: string | null;
            /**
             * Mention Id
             * @description The reply as an outbound mention
             */
            mention_id: string | null;
            /**
             * Canned Reply Id
             * @description Set when the reply was the flow's auto-reply (actor `system`), the canned reply it sent; an auto-reply is no response to the customer in Switchboard's measures
             */
            canned_reply_id: string | null;
        };
        /**
         * CaseRepliedEvent
         * @description A case.replied event (payload version 1)
         */
        CaseRepliedEvent: {
            /**
             * Cursor
             * @description Increasing in commit order: resume the feed with after=<cursor>
             */
            cursor: number;
            /**
             * Id
             * @description UUID: the idempotency key (the Idempotency-Key header of webhook deliveries)
             */
            id: string;
            /**
             * Version
             * @description The payload's schema version
             */
            version: number;
            /**
             * Case Id
             * @description The case the event concerns, if any
             */
            case_id: string | null;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "case.replied";
            data: components["schemas"]["CaseReplied"];
        };
        /** CaseSlaBreached */
        CaseSlaBreached: {
            case: components["schemas"]["CaseRef"];
            /** @description The customer of the case's conversation, if known */
            customer: components["schemas"]["CustomerRef"] | null;
            /**
             * Timeline Event
             * @description The case_event row this event comes from (/api/case_events/<id>)
             */
            timeline_event: string;
            /**
             * Actor
             * @description Who made the change: an agent's id, or system
             */
            actor: string;
            /** Target */
            target: string | null;
        };
        /**
         * CaseSlaBreachedEvent
         * @description A case.sla_breached event (payload version 1)
         */
        CaseSlaBreachedEvent: {
            /**
             * Cursor
             * @description Increasing in commit order: resume the feed with after=<cursor>
             */
            cursor: number;
            /**
             * Id
             * @description UUID: the idempotency key (the Idempotency-Key header of webhook deliveries)
             */
            id: string;
            /**
             * Version
             * @description The payload's schema version
             */
            version: number;
            /**
             * Case Id
             * @description The case the event concerns, if any
             */
            case_id: string | null;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "case.sla_breached";
            data: components["schemas"]["CaseSlaBreached"];
        };
        /**
         * CaseStatus
         * @enum {string}
         */
        CaseStatus: "open" | "assigned" | "escalated" | "pending" | "with_expert" | "closed";
        /** CaseTransferred */
        CaseTransferred: {
            case: components["schemas"]["CaseRef"];
            /** @description The customer of the case's conversation, if known */
            customer: components["schemas"]["CustomerRef"] | null;
            /**
             * Timeline Event
             * @description The case_event row this event comes from (/api/case_events/<id>)
             */
            timeline_event: string;
            /**
             * Actor
             * @description Who made the change: an agent's id, or system
             */
            actor: string;
            /** From Team */
            from_team: string | null;
            /** To Team */
            to_team: string | null;
            /** Note */
            note: string | null;
        };
        /**
         * CaseTransferredEvent
         * @description A case.transferred event (payload version 1)
         */
        CaseTransferredEvent: {
            /**
             * Cursor
             * @description Increasing in commit order: resume the feed with after=<cursor>
             */
            cursor: number;
            /**
             * Id
             * @description UUID: the idempotency key (the Idempotency-Key header of webhook deliveries)
             */
            id: string;
            /**
             * Version
             * @description The payload's schema version
             */
            version: number;
            /**
             * Case Id
             * @description The case the event concerns, if any
             */
            case_id: string | null;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "case.transferred";
            data: components["schemas"]["CaseTransferred"];
        };
        /** CheckpointPublic */
        CheckpointPublic: {
            /** Id */
            id: number | null;
            /** Seq */
            seq: number;
            /** Hash */
            hash: string;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Reason */
            reason: string;
            /** Key Id */
            key_id: string;
            /** Public Key */
            public_key: string;
            /** Signature */
            signature: string;
        };
        /** ClaimRequest */
        ClaimRequest: {
            /**
             * Takeover
             * @description Supervisors only: take the case from whoever holds it.
             * @default false
             */
            takeover?: boolean;
        };
        /**
         * CloseReason
         * @enum {string}
         */
        CloseReason: "resolved" | "no_action" | "spam";
        /** CloseRequest */
        CloseRequest: {
            /** @default resolved */
            reason?: components["schemas"]["CloseReason"];
        };
        /** ConversationPublic */
        ConversationPublic: {
            /** Source */
            source: string;
            /**
             * Customer
             * @description The author of its first inbound mention.
             */
            customer: string | null;
            /** Thread Id */
            thread_id: string | null;
            /**
             * First At
             * Format: date-time
             */
            first_at: string;
            /**
             * Last At
             * Format: date-time
             */
            last_at: string;
            /** Last Inbound At */
            last_inbound_at: string | null;
            /**
             * Inbound Count
             * @default 0
             */
            inbound_count: number;
            /**
             * Outbound Count
             * @default 0
             */
            outbound_count: number;
            /**
             * First Response From
             * @description When its first-response clock started: its first inbound mention needing a response (its first inbound mention while none does); never one of our own posts (engine.measures)
             */
            first_response_from: string | null;
            /**
             * First Response At
             * @description Our first reply at or after first_response_from
             */
            first_response_at: string | null;
            /**
             * First Response Seconds
             * @description first_response_at - first_response_from, in seconds
             */
            first_response_seconds: number | null;
            /**
             * Actionable
             * @description Triage found a mention needing a response.
             * @default false
             */
            actionable: boolean;
            /** Customer Id */
            customer_id: string | null;
            /**
             * Case Id
             * @description Its current case: the latest opened
             */
            case_id: string | null;
            /** Id */
            id: string;
        };
        /** CrisisCheck */
        CrisisCheck: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /**
             * Action
             * @description start, end or none
             */
            action: string;
            /** Reason */
            reason: string;
            /** Applied */
            applied: boolean;
            /** Signals */
            signals: components["schemas"]["CrisisSignal"][];
        };
        /** CrisisEnd */
        CrisisEnd: {
            /**
             * Reason
             * @default ended by hand
             */
            reason?: string;
        };
        /** CrisisEnded */
        CrisisEnded: {
            /** Actor */
            actor: string;
            /** Reason */
            reason: string;
            /**
             * Since
             * @description When the crisis started
             */
            since: string | null;
            /**
             * Restored Flow
             * @description The version restored (null: someone activated another meanwhile)
             */
            restored_flow: string | null;
            /**
             * Guests Removed
             * @description [queue, agent id] of each backup agent taken out
             */
            guests_removed: string[][];
        };
        /**
         * CrisisEndedEvent
         * @description A crisis.ended event (payload version 1)
         */
        CrisisEndedEvent: {
            /**
             * Cursor
             * @description Increasing in commit order: resume the feed with after=<cursor>
             */
            cursor: number;
            /**
             * Id
             * @description UUID: the idempotency key (the Idempotency-Key header of webhook deliveries)
             */
            id: string;
            /**
             * Version
             * @description The payload's schema version
             */
            version: number;
            /**
             * Case Id
             * @description The case the event concerns, if any
             */
            case_id: string | null;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "crisis.ended";
            data: components["schemas"]["CrisisEnded"];
        };
        /** CrisisEventPublic */
        CrisisEventPublic: {
            /** Id */
            id: number;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "started" | "ended";
            /**
             * Actor
             * @description who: a user, or system:crisis-watch
             */
            actor: string;
            /** Reason */
            reason: string;
        };
        /** CrisisGuest */
        CrisisGuest: {
            /**
             * Team Id
             * @description the queue (team) joined
             */
            team_id: string;
            /** Agent Id */
            agent_id: string;
        };
        /**
         * CrisisSettings
         * @description What an ops lead sets for crisis mode.
         */
        CrisisSettings: {
            /**
             * Enabled
             * @description the watch starts a crisis on a spike (and ends it when calm)
             * @default false
             */
            enabled?: boolean;
            /**
             * Interval Seconds
             * @description how often the watch checks
             * @default 180
             */
            interval_seconds?: number;
            /**
             * Window Seconds
             * @description the stretch of time each check counts
             * @default 900
             */
            window_seconds?: number;
            /**
             * Baseline Weeks
             * @description past weeks the baseline averages
             * @default 4
             */
            baseline_weeks?: number;
            thresholds?: components["schemas"]["Thresholds"];
            /**
             * Topics
             * @description the tags counted per topic; empty: every tag
             */
            topics?: string[];
            /**
             * Crisis Flow
             * @description the flow version new cases start with during a crisis; null: the active flow stays
             */
            crisis_flow?: string | null;
            /** Backup */
            backup?: components["schemas"]["BackupTeam"][];
            /**
             * Notify Roles
             * @description roles notified when a crisis starts or ends
             */
            notify_roles?: components["schemas"]["Role"][];
            /**
             * Notify Users
             * @description users notified besides those roles
             */
            notify_users?: string[];
        };
        /** CrisisSettingsPublic */
        CrisisSettingsPublic: {
            /**
             * Enabled
             * @description the watch starts a crisis on a spike (and ends it when calm)
             * @default false
             */
            enabled: boolean;
            /**
             * Interval Seconds
             * @description how often the watch checks
             * @default 180
             */
            interval_seconds: number;
            /**
             * Window Seconds
             * @description the stretch of time each check counts
             * @default 900
             */
            window_seconds: number;
            /**
             * Baseline Weeks
             * @description past weeks the baseline averages
             * @default 4
             */
            baseline_weeks: number;
            thresholds: components["schemas"]["Thresholds"];
            /**
             * Topics
             * @description the tags counted per topic; empty: every tag
             */
            topics: string[];
            /**
             * Crisis Flow
             * @description the flow version new cases start with during a crisis; null: the active flow stays
             */
            crisis_flow: string | null;
            /** Backup */
            backup: components["schemas"]["BackupTeam"][];
            /**
             * Notify Roles
             * @description roles notified when a crisis starts or ends
             */
            notify_roles: components["schemas"]["Role"][];
            /**
             * Notify Users
             * @description users notified besides those roles
             */
            notify_users: string[];
            /** Updated At */
            updated_at: string | null;
            /** Updated By */
            updated_by: string | null;
        };
        /**
         * CrisisSignal
         * @description One series' figures at a check.
         */
        CrisisSignal: {
            /**
             * Series
             * @description mentions, negative, mentions/<topic> or negative/<topic>
             */
            series: string;
            /** Count */
            count: number;
            /**
             * Baseline
             * @description the mean count of the same stretch of the week in the past weeks
             */
            baseline: number;
            /**
             * Ratio
             * @description count / baseline; null when the baseline is 0
             */
            ratio: number | null;
            /** Spiking */
            spiking: boolean;
            /** Calm */
            calm: boolean;
        };
        /** CrisisStart */
        CrisisStart: {
            /**
             * Reason
             * @description why: on the timeline and in the audit log
             */
            reason: string;
        };
        /** CrisisStarted */
        CrisisStarted: {
            /**
             * Actor
             * @description Who started it: a user id, or crisis-watch when the spike detection did
             */
            actor: string;
            /** Automatic */
            automatic: boolean;
            /** Reason */
            reason: string;
            /**
             * Crisis Flow
             * @description The flow version new cases now start with (null: unchanged)
             */
            crisis_flow: string | null;
            /**
             * Normal Flow
             * @description The version that was active before
             */
            normal_flow: string | null;
            /**
             * Guests
             * @description [queue, agent id] of each backup agent brought into a queue
             */
            guests: string[][];
            /**
             * Figures
             * @description The counts against their baselines that fired it
             */
            figures: {
                [key: string]: components["schemas"]["JsonValue"];
            }[];
        };
        /**
         * CrisisStartedEvent
         * @description A crisis.started event (payload version 1)
         */
        CrisisStartedEvent: {
            /**
             * Cursor
             * @description Increasing in commit order: resume the feed with after=<cursor>
             */
            cursor: number;
            /**
             * Id
             * @description UUID: the idempotency key (the Idempotency-Key header of webhook deliveries)
             */
            id: string;
            /**
             * Version
             * @description The payload's schema version
             */
            version: number;
            /**
             * Case Id
             * @description The case the event concerns, if any
             */
            case_id: string | null;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "crisis.started";
            data: components["schemas"]["CrisisStarted"];
        };
        /** CrisisStatus */
        CrisisStatus: {
            /**
             * State
             * @enum {string}
             */
            state: "normal" | "crisis";
            /**
             * Since
             * @description when the crisis started; null when normal
             */
            since: string | null;
            /**
             * Automatic
             * @description started by the watch (it also ends it when calm) rather than by hand
             */
            automatic: boolean;
            /** Started By */
            started_by: string | null;
            /**
             * Reason
             * @description why it started
             */
            reason: string | null;
            /**
             * Figures
             * @description the series that spiked when it started
             */
            figures: components["schemas"]["CrisisSignal"][];
            /**
             * Crisis Flow
             * @description the flow version new cases start with during the crisis
             */
            crisis_flow: string | null;
            /**
             * Normal Flow
             * @description the version active before, restored at the end
             */
            normal_flow: string | null;
            /**
             * Guests
             * @description backup agents taking cases from queues not their team's
             */
            guests: components["schemas"]["CrisisGuest"][];
            /**
             * Ended At
             * @description when the last crisis ended
             */
            ended_at: string | null;
            /** Ended By */
            ended_by: string | null;
            /** End Reason */
            end_reason: string | null;
            /** @description the watch's last check; null before the first */
            last_check: components["schemas"]["CrisisCheck"] | null;
            /**
             * Events
             * @description the crisis timeline, newest first (at most 20)
             */
            events: components["schemas"]["CrisisEventPublic"][];
        };
        /** CustomerCreated */
        CustomerCreated: {
            customer: components["schemas"]["CustomerRef"];
        };
        /**
         * CustomerCreatedEvent
         * @description A customer.created event (payload version 1)
         */
        CustomerCreatedEvent: {
            /**
             * Cursor
             * @description Increasing in commit order: resume the feed with after=<cursor>
             */
            cursor: number;
            /**
             * Id
             * @description UUID: the idempotency key (the Idempotency-Key header of webhook deliveries)
             */
            id: string;
            /**
             * Version
             * @description The payload's schema version
             */
            version: number;
            /**
             * Case Id
             * @description The case the event concerns, if any
             */
            case_id: string | null;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "customer.created";
            data: components["schemas"]["CustomerCreated"];
        };
        /** CustomerMerged */
        CustomerMerged: {
            /** @description The customer kept, with the identities of both */
            customer: components["schemas"]["CustomerRef"];
            /**
             * Merged Id
             * @description The customer merged into it (kept, marked merged_into)
             */
            merged_id: string;
            /** Actor */
            actor: string;
        };
        /**
         * CustomerMergedEvent
         * @description A customer.merged event (payload version 1)
         */
        CustomerMergedEvent: {
            /**
             * Cursor
             * @description Increasing in commit order: resume the feed with after=<cursor>
             */
            cursor: number;
            /**
             * Id
             * @description UUID: the idempotency key (the Idempotency-Key header of webhook deliveries)
             */
            id: string;
            /**
             * Version
             * @description The payload's schema version
             */
            version: number;
            /**
             * Case Id
             * @description The case the event concerns, if any
             */
            case_id: string | null;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "customer.merged";
            data: components["schemas"]["CustomerMerged"];
        };
        /** CustomerNoted */
        CustomerNoted: {
            customer: components["schemas"]["CustomerRef"];
            /**
             * Note
             * @description at, author, kind, text
             */
            note: {
                [key: string]: components["schemas"]["JsonValue"];
            };
        };
        /**
         * CustomerNotedEvent
         * @description A customer.noted event (payload version 1)
         */
        CustomerNotedEvent: {
            /**
             * Cursor
             * @description Increasing in commit order: resume the feed with after=<cursor>
             */
            cursor: number;
            /**
             * Id
             * @description UUID: the idempotency key (the Idempotency-Key header of webhook deliveries)
             */
            id: string;
            /**
             * Version
             * @description The payload's schema version
             */
            version: number;
            /**
             * Case Id
             * @description The case the event concerns, if any
             */
            case_id: string | null;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "customer.noted";
            data: components["schemas"]["CustomerNoted"];
        };
        /** CustomerProfile */
        CustomerProfile: {
            /** Name */
            name: string;
            /**
             * First Seen At
             * Format: date-time
             */
            first_seen_at: string;
            /**
             * Last Seen At
             * Format: date-time
             */
            last_seen_at: string;
            /** Notes */
            notes: {
                [key: string]: components["schemas"]["JsonValue"];
            }[];
            /**
             * Merged Into
             * @description set when merged into another customer
             */
            merged_into: string | null;
            /** Id */
            id: string;
            /** Identities */
            identities: components["schemas"]["IdentityPublic"][];
            /** Conversations */
            conversations: number;
            /** Mentions */
            mentions: number;
            /** Cases */
            cases: number;
            /** Tags */
            tags: {
                [key: string]: number;
            };
            /** Sentiment Trend */
            sentiment_trend: components["schemas"]["SentimentPoint"][];
            /**
             * Followers
             * @description The most followers any of their identities has
             */
            followers: number | null;
            /**
             * Verified
             * @description Any of their identities is verified on its channel
             * @default false
             */
            verified: boolean;
            /**
             * Vip
             * @description The flow tagged a mention of theirs `vip`
             * @default false
             */
            vip: boolean;
            /**
             * Past Cases
             * @description Their latest cases you may see
             */
            past_cases: components["schemas"]["PastCase"][];
            /**
             * Past Conversations
             * @description Their latest conversations you may see
             */
            past_conversations: components["schemas"]["PastConversation"][];
            /**
             * Recent Mentions
             * @description Their latest inbound mentions' sentiment
             */
            recent_mentions: components["schemas"]["MentionSentiment"][];
        };
        /** CustomerPublic */
        CustomerPublic: {
            /** Name */
            name: string;
            /**
             * First Seen At
             * Format: date-time
             */
            first_seen_at: string;
            /**
             * Last Seen At
             * Format: date-time
             */
            last_seen_at: string;
            /** Notes */
            notes: {
                [key: string]: components["schemas"]["JsonValue"];
            }[];
            /**
             * Merged Into
             * @description set when merged into another customer
             */
            merged_into: string | null;
            /** Id */
            id: string;
        };
        /** CustomerRef */
        CustomerRef: {
            /** Id */
            id: string;
            /** Name */
            name: string;
            /**
             * Identities
             * @description Every identity the customer has, oldest first
             */
            identities: components["schemas"]["Identity"][];
            /** Merged Into */
            merged_into: string | null;
        };
        /** DeadlineHealth */
        DeadlineHealth: {
            /**
             * Overdue
             * @description SLA deadlines due and not yet shown on the read side by the sweeper
             */
            overdue: number;
            /**
             * Lag Seconds
             * @description how late the earliest of them is (0 when there are none)
             */
            lag_seconds: number;
        };
        /** Delivery */
        Delivery: {
            /** Status */
            status: string;
            /** Schedule Id */
            schedule_id: string;
        };
        /** DeliveryPublic */
        DeliveryPublic: {
            /** Id */
            id: number;
            /** Subscription Id */
            subscription_id: string;
            /** Event Id */
            event_id: string;
            /**
             * Cursor
             * @description The event's cursor; null: a test event
             */
            cursor: number | null;
            /** Type */
            type: string;
            /** Attempt */
            attempt: number;
            /** Ok */
            ok: boolean;
            /** Status Code */
            status_code: number | null;
            /** Latency Ms */
            latency_ms: number | null;
            /** Error */
            error: string | null;
            /**
             * At
             * Format: date-time
             */
            at: string;
        };
        /**
         * Direction
         * @enum {string}
         */
        Direction: "inbound" | "outbound";
        /**
         * EmailConfig
         * @description A support mailbox: mail comes in over IMAP, replies go out over SMTP, threaded by Message-ID.
         */
        EmailConfig: {
            /** Imap Host */
            imap_host: string;
            /**
             * Imap Port
             * @default 993
             */
            imap_port?: number;
            /**
             * Imap Security
             * @default ssl
             * @enum {string}
             */
            imap_security?: "ssl" | "starttls" | "none";
            /** Username */
            username: string;
            /**
             * Password
             * Format: password
             */
            password: string;
            /**
             * Mailbox
             * @default INBOX
             */
            mailbox?: string;
            /** Smtp Host */
            smtp_host: string;
            /**
             * Smtp Port
             * @default 587
             */
            smtp_port?: number;
            /**
             * Smtp Security
             * @default starttls
             * @enum {string}
             */
            smtp_security?: "ssl" | "starttls" | "none";
            /**
             * Smtp Username
             * @description default: username
             */
            smtp_username?: string | null;
            /**
             * Smtp Password
             * @description default: password
             */
            smtp_password?: string | null;
            /**
             * From Address
             * @description the address replies are sent from
             */
            from_address: string;
            /**
             * Poll Seconds
             * @description how often to poll, in seconds
             * @default 60
             */
            poll_seconds?: number;
            /**
             * Allow Insecure
             * @description take imap_security or smtp_security 'none' (the password crosses the network in the clear); only for a server on a network you trust
             * @default false
             */
            allow_insecure?: boolean;
        };
        /** EventPage */
        EventPage: {
            /**
             * Events
             * @description Oldest first
             */
            events: (components["schemas"]["CaseOpenedEvent"] | components["schemas"]["CaseAssignedEvent"] | components["schemas"]["CaseClaimedEvent"] | components["schemas"]["CaseRepliedEvent"] | components["schemas"]["CaseEscalatedEvent"] | components["schemas"]["CaseSlaBreachedEvent"] | components["schemas"]["CaseTransferredEvent"] | components["schemas"]["CaseClosedEvent"] | components["schemas"]["CaseMeasuredEvent"] | components["schemas"]["MentionReceivedEvent"] | components["schemas"]["CustomerCreatedEvent"] | components["schemas"]["CustomerMergedEvent"] | components["schemas"]["CustomerNotedEvent"] | components["schemas"]["FlowPublishedEvent"] | components["schemas"]["FlowActivatedEvent"] | components["schemas"]["CrisisStartedEvent"] | components["schemas"]["CrisisEndedEvent"] | components["schemas"]["SubscriptionTestEvent"])[];
            /**
             * Next Cursor
             * @description Give it as `after` to read on; the same cursor when nothing was new
             */
            next_cursor: number;
        };
        /**
         * ExpertCreate
         * @description A new expert; the same fields as ExpertPublic, each with the limits it is checked against.
         */
        ExpertCreate: {
            /**
             * Id
             * @description lower-case name, e.g. priya or legal-emea
             */
            id: string;
            /** Name */
            name: string;
            /**
             * Email
             * @description where the request's link is sent
             */
            email: string;
            /**
             * Department
             * @description e.g. Legal, Product, Engineering
             * @default
             */
            department?: string;
            /**
             * Response Seconds
             * @description The expert's own SLA: answer within this many seconds
             * @default 86400
             */
            response_seconds?: number;
            /**
             * Active
             * @description only active experts are asked
             * @default true
             */
            active?: boolean;
        };
        /** ExpertHandoffRequest */
        ExpertHandoffRequest: {
            /** Expert Id */
            expert_id: string;
            /**
             * Question
             * @description What the expert is asked; they see this
             */
            question: string;
        };
        /** ExpertLink */
        ExpertLink: {
            /**
             * Url
             * @description the page the expert opens, token included; send it to them
             */
            url: string;
            /**
             * Token
             * @description the link's token, sent as X-Expert-Token to the API
             */
            token: string;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
        };
        /** ExpertPublic */
        ExpertPublic: {
            /** Name */
            name: string;
            /** Email */
            email: string;
            /**
             * Department
             * @description e.g. Legal, Product, Engineering
             * @default
             */
            department: string;
            /**
             * Response Seconds
             * @description The expert's own SLA: answer within this many seconds
             * @default 86400
             */
            response_seconds: number;
            /**
             * Active
             * @default true
             */
            active: boolean;
            /** Id */
            id: string;
        };
        /** ExpertRequestPublic */
        ExpertRequestPublic: {
            /** Case Id */
            case_id: string;
            /** Expert Id */
            expert_id: string;
            /** Question */
            question: string;
            /** Asked By */
            asked_by: string;
            /**
             * Asked At
             * Format: date-time
             */
            asked_at: string;
            /**
             * Due At
             * Format: date-time
             */
            due_at: string;
            /** Answered At */
            answered_at: string | null;
            /**
             * Overdue
             * @default false
             */
            overdue: boolean;
            /** Id */
            id: string;
            /**
             * Subject
             * @default
             */
            subject: string;
            /**
             * Author
             * @default
             */
            author: string;
            /**
             * Source
             * @default
             */
            source: string;
            /** Answer */
            answer: string | null;
        };
        /**
         * FileConfig
         * @description Mentions that only come by `switchboard import` (backfills, exports).
         */
        FileConfig: Record<string, never>;
        /**
         * FlowActivatedEvent
         * @description A flow.activated event (payload version 1)
         */
        FlowActivatedEvent: {
            /**
             * Cursor
             * @description Increasing in commit order: resume the feed with after=<cursor>
             */
            cursor: number;
            /**
             * Id
             * @description UUID: the idempotency key (the Idempotency-Key header of webhook deliveries)
             */
            id: string;
            /**
             * Version
             * @description The payload's schema version
             */
            version: number;
            /**
             * Case Id
             * @description The case the event concerns, if any
             */
            case_id: string | null;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "flow.activated";
            data: components["schemas"]["FlowChange"];
        };
        /** FlowChange */
        FlowChange: {
            /** Version */
            version: string;
            /** Name */
            name: string;
            /** Actor */
            actor: string | null;
        };
        /** FlowDocument */
        FlowDocument: {
            /** Nodes */
            nodes: components["schemas"]["FlowNode"][];
            /** Edges */
            edges?: components["schemas"]["FlowEdge"][];
        };
        /** FlowDraftCreate */
        FlowDraftCreate: {
            /** Name */
            name: string;
            /** Document */
            document: components["schemas"]["FlowDocument"];
            /**
             * Based On
             * @description the version this draft starts from
             */
            based_on?: string | null;
        };
        /** FlowDraftListed */
        FlowDraftListed: {
            /** Name */
            name: string;
            /** Document */
            document: {
                [key: string]: components["schemas"]["JsonValue"];
            };
            /** Id */
            id: string;
            /** Based On */
            based_on: string | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Updated By */
            updated_by: string | null;
            /**
             * Published Version
             * @description the published version with this very document (versions are content-addressed): the draft is published as it is; None while it differs from every version
             */
            published_version: string | null;
            /**
             * Published Active
             * @description whether that version is the active flow
             * @default false
             */
            published_active: boolean;
        };
        /** FlowDraftPublic */
        FlowDraftPublic: {
            /** Name */
            name: string;
            /** Document */
            document: {
                [key: string]: components["schemas"]["JsonValue"];
            };
            /** Id */
            id: string;
            /** Based On */
            based_on: string | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Updated By */
            updated_by: string | null;
        };
        /** FlowDraftUpdate */
        FlowDraftUpdate: {
            /** Name */
            name?: string | null;
            /** Document */
            document?: components["schemas"]["FlowDocument"] | null;
        };
        /** FlowEdge */
        FlowEdge: {
            /** Id */
            id: string;
            /** Sourceid */
            sourceId: string;
            /** Targetid */
            targetId: string;
        };
        /** FlowField */
        FlowField: {
            /**
             * Name
             * @description as a rule's `var` names it (dotted inside an object: `case.priority`)
             */
            name: string;
            /**
             * Type
             * @enum {string}
             */
            type: "text" | "number" | "boolean" | "list" | "category";
            /**
             * Values
             * @description the values known today, when the set is closed or seen (tags of the active flow, teams, ...)
             */
            values: string[] | null;
        };
        /** FlowFields */
        FlowFields: {
            /** Stages */
            stages: components["schemas"]["StageFields"][];
        };
        /** FlowNode */
        FlowNode: {
            /** Id */
            id: string;
            /**
             * Type
             * @enum {string}
             */
            type: "discovery" | "tag" | "triage" | "assign" | "sla" | "approval" | "close" | "measure";
            /**
             * Name
             * @default
             */
            name?: string;
            /** Content */
            content?: {
                [key: string]: components["schemas"]["JsonValue"];
            };
            position?: components["schemas"]["Position"];
        };
        /** FlowPublic */
        FlowPublic: {
            /** Name */
            name: string;
            /**
             * Active
             * @default false
             */
            active: boolean;
            /**
             * Published At
             * Format: date-time
             */
            published_at: string;
            /**
             * Published By
             * @description the user who published it
             */
            published_by: string | null;
            /**
             * Activated By
             * @description the user who last made it the active flow
             */
            activated_by: string | null;
            /** Document */
            document: {
                [key: string]: components["schemas"]["JsonValue"];
            };
            /** Id */
            id: string;
            /** Version */
            version: string;
        };
        /**
         * FlowPublishedEvent
         * @description A flow.published event (payload version 1)
         */
        FlowPublishedEvent: {
            /**
             * Cursor
             * @description Increasing in commit order: resume the feed with after=<cursor>
             */
            cursor: number;
            /**
             * Id
             * @description UUID: the idempotency key (the Idempotency-Key header of webhook deliveries)
             */
            id: string;
            /**
             * Version
             * @description The payload's schema version
             */
            version: number;
            /**
             * Case Id
             * @description The case the event concerns, if any
             */
            case_id: string | null;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "flow.published";
            data: components["schemas"]["FlowChange"];
        };
        /** FlowTestRequest */
        FlowTestRequest: {
            /**
             * Mention Id
             * @description a stored mention's id
             */
            mention_id?: string | null;
            /**
             * Case Id
             * @description a case: the mention that opened it is tried
             */
            case_id?: string | null;
            /**
             * Mention
             * @description a mention pasted as JSON: `text` is needed, the rest (source, author, author_followers, author_verified, reply_to_id, ...) defaults to a new tweet
             */
            mention?: {
                [key: string]: components["schemas"]["JsonValue"];
            } | null;
            /**
             * Agent Seniority
             * @description the replying agent, for the approval rule
             * @default senior
             * @enum {string}
             */
            agent_seniority?: "junior" | "senior";
            /**
             * Reply Text
             * @description the reply, for the approval rule
             * @default
             */
            reply_text?: string;
        };
        /** FlowTestResult */
        FlowTestResult: {
            /** Flow Version */
            flow_version: string;
            /**
             * Mention
             * @description the mention as tried
             */
            mention: {
                [key: string]: components["schemas"]["JsonValue"];
            };
            /** Tags */
            tags: string[];
            /** Sentiment */
            sentiment: number;
            /** Language */
            language: string | null;
            /**
             * Needs Response
             * @description whether it would open (or join) a case
             */
            needs_response: boolean;
            /** Priority */
            priority: string;
            /**
             * Queue
             * @description the team whose queue the case would wait in
             */
            queue: string;
            /** Sla Policy */
            sla_policy: string | null;
            /**
             * Requires Approval
             * @description whether a reply (agent_seniority, reply_text) would be held
             */
            requires_approval: boolean;
            /** Stages */
            stages: components["schemas"]["StageResult"][];
        };
        /** Health */
        Health: {
            /**
             * Status
             * @description ok, or behind when an outbox entry or a deadline has waited a minute or more
             */
            status: string;
            outbox: components["schemas"]["OutboxHealth"];
            deadlines: components["schemas"]["DeadlineHealth"];
        };
        /** Identity */
        Identity: {
            /**
             * Source
             * @description The channel (twitter, email...)
             */
            source: string;
            /**
             * Handle
             * @description The handle or address on it
             */
            handle: string;
        };
        /** IdentityPublic */
        IdentityPublic: {
            /** Source */
            source: string;
            /** Handle */
            handle: string;
            /**
             * First Seen At
             * Format: date-time
             */
            first_seen_at: string;
        };
        /**
         * ImportBatch
         * @description Up to 1,000 mentions of one source; each is checked on its own, so a bad one rejects only itself.
         */
        ImportBatch: {
            /** Mentions */
            mentions: {
                [key: string]: components["schemas"]["JsonValue"];
            }[];
            /**
             * Replay
             * @description backfill history: store and count, start no case workflow
             * @default false
             */
            replay?: boolean;
        };
        /** ImportReport */
        ImportReport: {
            /** Stored */
            stored: number;
            /** Duplicates */
            duplicates: number;
            /** Rejected */
            rejected: components["schemas"]["Rejected"][];
            /**
             * Actionable
             * @description new inbound mentions that need a response
             */
            actionable: number;
            /**
             * Cases
             * @description new mentions given a case (opened, routed and assigned, or joined to an open one) as they were stored; their case workflows hear of them through the outbox
             */
            cases: number;
        };
        /** Inbox */
        Inbox: {
            /** Views */
            views: components["schemas"]["InboxView"][];
            /**
             * At
             * Format: date-time
             * @description the instant the counts were taken (breaching and overdue depend on it)
             */
            at: string;
        };
        /** InboxView */
        InboxView: {
            /**
             * Id
             * @description mine, unassigned, breaching, overdue, approvals or team:<team id>; GET /api/cases?view=<id> lists its cases
             */
            id: string;
            /** Label */
            label: string;
            /**
             * Count
             * @description open cases in the view
             */
            count: number;
            /** Team Id */
            team_id: string | null;
        };
        /**
         * JsonPayload
         * @description One Temporal payload as the codec protocol's JSON has it; a key it does not know is refused, not dropped
         *     (what we answer would lack it).
         */
        JsonPayload: {
            /**
             * Metadata
             * @description name -> base64 bytes
             */
            metadata?: {
                [key: string]: string;
            };
            /**
             * Data
             * @description base64 bytes
             * @default
             */
            data?: string;
        };
        /**
         * LastMessage
         * @description The newest message of a case's conversation, either way, as a list shows it under the subject.
         */
        LastMessage: {
            /**
             * Text
             * @description Its text on one line, cut at a word boundary to at most 160 characters (an ellipsis ends a cut one)
             */
            text: string;
            /**
             * At
             * Format: date-time
             * @description When it was written (the mention's created_at)
             */
            at: string;
            /** @description inbound: the customer's; outbound: a reply we sent */
            direction: components["schemas"]["Direction"];
            /**
             * Author
             * @description The customer's handle (inbound) or the replying agent's id (outbound)
             */
            author: string;
        };
        /** LiveQueue */
        LiveQueue: {
            /**
             * Team Id
             * @description The team; null: open cases no rule has routed to a team yet
             */
            team_id: string | null;
            /**
             * Name
             * @description The team's name
             */
            name: string;
            /**
             * Waiting
             * @description Open cases in the queue nobody holds (status open or escalated, no assignee)
             */
            waiting: number;
            /**
             * Oldest Waiting Since
             * @description When the longest-waiting of them opened; null: none waits
             */
            oldest_waiting_since: string | null;
            /**
             * Oldest Waiting Seconds
             * @description How long it has waited, at the snapshot's `at`
             */
            oldest_waiting_seconds: number | null;
            /**
             * Agents
             * @description The team's agents
             */
            agents: number;
            /**
             * Agents Online
             * @description Those whose presence is online
             */
            agents_online: number;
            /**
             * Agents Active
             * @description Those online who viewed a case in the last 30 seconds
             */
            agents_active: number;
        };
        /** LiveSnapshot */
        LiveSnapshot: {
            /**
             * At
             * Format: date-time
             * @description When the figures were taken
             */
            at: string;
            /**
             * Queues
             * @description One per team you see, by name; then the unrouted cases, if any
             */
            queues: components["schemas"]["LiveQueue"][];
            /**
             * Waiting
             * @description Open cases nobody holds, in every queue
             */
            waiting: number;
            /**
             * Oldest Waiting Since
             * @description When the longest-waiting of them opened
             */
            oldest_waiting_since: string | null;
            /**
             * Oldest Waiting Seconds
             * @description How long it has waited, at `at`
             */
            oldest_waiting_seconds: number | null;
            /**
             * Breaches Last Hour
             * @description SLA breaches that fired in the last hour, one per firing
             */
            breaches_last_hour: number;
            mention_rate: components["schemas"]["MentionRate"];
            /**
             * Agents
             * @description Agents of the teams you see
             */
            agents: number;
            /**
             * Agents Online
             * @description Those whose presence is online
             */
            agents_online: number;
            /**
             * Agents Active
             * @description Those online who viewed a case in the last 30 seconds
             */
            agents_active: number;
            /**
             * Open Cases
             * @description Cases not closed
             */
            open_cases: number;
            /** @description Cases not closed, by priority */
            open_by_priority: components["schemas"]["OpenByPriority"];
        };
        /** LoginAnswer */
        LoginAnswer: {
            /**
             * Token
             * @description the session token (also set as an HttpOnly cookie); send as Bearer if needed
             */
            token: string;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
            user: components["schemas"]["Me"];
        };
        /** LoginRequest */
        LoginRequest: {
            /** Email */
            email: string;
            /** Password */
            password: string;
            /**
             * Totp
             * @description the authenticator's code, if the user has one
             */
            totp?: string | null;
        };
        /** MarkRead */
        MarkRead: {
            /**
             * Up To
             * @description a notification's id: it and every older one become read
             */
            up_to: string;
        };
        /**
         * MastodonConfig
         * @description A Mastodon account: its mentions come in, replies go out as statuses.
         */
        MastodonConfig: {
            /**
             * Base Url
             * Format: uri
             * @description the instance, e.g. https://mastodon.social
             */
            base_url: string;
            /**
             * Access Token
             * Format: password
             * @description a token with read:notifications and write:statuses
             */
            access_token: string;
            /**
             * Poll Seconds
             * @description how often to poll, in seconds
             * @default 60
             */
            poll_seconds?: number;
        };
        /** Me */
        Me: {
            /** Id */
            id: string;
            /** Email */
            email: string;
            /** Name */
            name: string;
            role: components["schemas"]["Role"];
            /** Teams */
            teams: string[];
            /** Permissions */
            permissions: string[];
            /**
             * Agent Id
             * @description the user's agent profile, when their role works cases
             */
            agent_id: string | null;
            /**
             * Idle Timeout Seconds
             * @description a session ends after this long unused (null for tokens)
             */
            idle_timeout_seconds: number | null;
            /**
             * Expires At
             * @description when the session ends at the latest
             */
            expires_at: string | null;
            /**
             * Second Factor
             * @description the user logs in with an authenticator code too
             * @default false
             */
            second_factor: boolean;
            /**
             * Second Factor Required
             * @description the role must use one and the user has none yet: nothing but enrolling (POST /api/auth/totp) works
             * @default false
             */
            second_factor_required: boolean;
            /**
             * Temporal Ui Url
             * @description the Temporal UI, where a case's workflow is at {temporal_ui_url}/namespaces/{temporal_namespace}/workflows/{workflow_id}; only for those who may read histories (histories:decode), null when unknown
             */
            temporal_ui_url: string | null;
            /**
             * Temporal Namespace
             * @description the cases' Temporal namespace, with the UI
             */
            temporal_namespace: string | null;
        };
        /** MentionPublic */
        MentionPublic: {
            /** Source */
            source: string;
            /** External Id */
            external_id: string;
            /** Conversation Id */
            conversation_id: string;
            /** Author */
            author: string;
            /** Text */
            text: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Received At
             * Format: date-time
             */
            received_at: string;
            /** Reply To Id */
            reply_to_id: string | null;
            /** @default inbound */
            direction: components["schemas"]["Direction"];
            /** Thread Id */
            thread_id: string | null;
            /** Author Followers */
            author_followers: number | null;
            /**
             * Author Verified
             * @default false
             */
            author_verified: boolean;
            /** Tags */
            tags: string[] | null;
            /** Sentiment */
            sentiment: number | null;
            /** Language */
            language: string | null;
            /** Needs Response */
            needs_response: boolean | null;
            /** Id */
            id: string;
            /** Case Id */
            case_id: string | null;
            /** Customer Id */
            customer_id: string | null;
        };
        /** MentionRate */
        MentionRate: {
            /**
             * Last 5 Minutes
             * @description Inbound mentions written in the last 5 minutes, per minute
             */
            last_5_minutes: number;
            /**
             * Last 15 Minutes
             * @description Inbound mentions written in the last 15 minutes, per minute
             */
            last_15_minutes: number;
            /**
             * Mentions 5 Minutes
             * @description Inbound mentions written in the last 5 minutes
             */
            mentions_5_minutes: number;
            /**
             * Mentions 15 Minutes
             * @description Inbound mentions written in the last 15 minutes
             */
            mentions_15_minutes: number;
        };
        /**
         * MentionReceived
         * @description A mention taken in. Its author is `mention.source` + `mention.author`; the customer's other identities
         *     are in case.opened and customer.created (kept out of here: this one is written for every mention).
         */
        MentionReceived: {
            mention: components["schemas"]["MentionRef"];
            /**
             * Case Id
             * @description The case it opened or joined; None: it needs no response
             */
            case_id: string | null;
            /**
             * Customer Id
             * @description The customer its author is
             */
            customer_id: string | null;
        };
        /**
         * MentionReceivedEvent
         * @description A mention.received event (payload version 1)
         */
        MentionReceivedEvent: {
            /**
             * Cursor
             * @description Increasing in commit order: resume the feed with after=<cursor>
             */
            cursor: number;
            /**
             * Id
             * @description UUID: the idempotency key (the Idempotency-Key header of webhook deliveries)
             */
            id: string;
            /**
             * Version
             * @description The payload's schema version
             */
            version: number;
            /**
             * Case Id
             * @description The case the event concerns, if any
             */
            case_id: string | null;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "mention.received";
            data: components["schemas"]["MentionReceived"];
        };
        /** MentionRef */
        MentionRef: {
            /** Id */
            id: string;
            /** Source */
            source: string;
            /** External Id */
            external_id: string;
            /** Conversation Id */
            conversation_id: string;
            /** Author */
            author: string;
            /** Text */
            text: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Sentiment */
            sentiment: number | null;
            /** Tags */
            tags: string[];
        };
        /**
         * MentionSentiment
         * @description One inbound mention's sentiment (VADER compound, -1..1), newest first.
         */
        MentionSentiment: {
            /** Id */
            id: string;
            /** Source */
            source: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Text
             * @description The first 200 characters
             */
            text: string;
            /** Sentiment */
            sentiment: number | null;
            /** Case Id */
            case_id: string | null;
        };
        /** MergeInput */
        MergeInput: {
            /**
             * Other Id
             * @description the customer merged into this one
             */
            other_id: string;
        };
        /** NewEmailSource */
        NewEmailSource: {
            /**
             * Id
             * @description lower-case name, e.g. mastodon-acme
             */
            id: string;
            /**
             * Name
             * @description default: the id
             * @default
             */
            name?: string;
            /**
             * Enabled
             * @default true
             */
            enabled?: boolean;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "email";
            config: components["schemas"]["EmailConfig"] & {
                password?: unknown;
                smtp_password?: unknown;
            };
        };
        /** NewFileSource */
        NewFileSource: {
            /**
             * Id
             * @description lower-case name, e.g. mastodon-acme
             */
            id: string;
            /**
             * Name
             * @description default: the id
             * @default
             */
            name?: string;
            /**
             * Enabled
             * @default true
             */
            enabled?: boolean;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "file";
            config?: components["schemas"]["FileConfig"];
        };
        /** NewMastodonSource */
        NewMastodonSource: {
            /**
             * Id
             * @description lower-case name, e.g. mastodon-acme
             */
            id: string;
            /**
             * Name
             * @description default: the id
             * @default
             */
            name?: string;
            /**
             * Enabled
             * @default true
             */
            enabled?: boolean;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "mastodon";
            config: components["schemas"]["MastodonConfig"] & {
                access_token?: unknown;
            };
        };
        /** NewRssSource */
        NewRssSource: {
            /**
             * Id
             * @description lower-case name, e.g. mastodon-acme
             */
            id: string;
            /**
             * Name
             * @description default: the id
             * @default
             */
            name?: string;
            /**
             * Enabled
             * @default true
             */
            enabled?: boolean;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "rss";
            config: components["schemas"]["RssConfig"];
        };
        /** NewWebhookSource */
        NewWebhookSource: {
            /**
             * Id
             * @description lower-case name, e.g. mastodon-acme
             */
            id: string;
            /**
             * Name
             * @description default: the id
             * @default
             */
            name?: string;
            /**
             * Enabled
             * @default true
             */
            enabled?: boolean;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "webhook";
            config?: components["schemas"]["WebhookConfig"] & {
                hmac_secret?: unknown;
            };
        };
        /** NoteInput */
        NoteInput: {
            /** Text */
            text: string;
        };
        /** NoteRequest */
        NoteRequest: {
            /** Text */
            text: string;
        };
        /** Notification */
        Notification: {
            /**
             * Id
             * @description the case event's id; POST /api/notifications/read with it marks it and older read
             */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "escalated" | "approval" | "assigned" | "transferred" | "crisis";
            /**
             * Case Id
             * @description the case it is about; empty for a crisis (kind crisis: GET /api/crisis)
             */
            case_id: string;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Title */
            title: string;
            /**
             * Subject
             * @description the case's subject, for context
             */
            subject: string;
            /** Read */
            read: boolean;
        };
        /** Notifications */
        Notifications: {
            /**
             * Unread
             * @description unread among the latest 50
             */
            unread: number;
            /** Data */
            data: components["schemas"]["Notification"][];
        };
        /** OpenByPriority */
        OpenByPriority: {
            /** Low */
            low: number;
            /** Normal */
            normal: number;
            /** High */
            high: number;
            /** Urgent */
            urgent: number;
        };
        /** OutboxHealth */
        OutboxHealth: {
            /**
             * Backlog
             * @description entries the relay has yet to tell the case workflows
             */
            backlog: number;
            /**
             * Lag Seconds
             * @description age of the oldest of them (0 when there are none)
             */
            lag_seconds: number;
            /**
             * Failing
             * @description entries that failed at least once and wait to be retried
             */
            failing: number;
            /**
             * Last Error
             * @description why the oldest failing entry failed
             */
            last_error: string | null;
        };
        /** PasswordChange */
        PasswordChange: {
            /** Current Password */
            current_password: string;
            /**
             * New Password
             * @description at least SWITCHBOARD_PASSWORD_MIN_LENGTH characters (12 unless set), not on the list of common breached passwords, not the account's email or name, not one you used recently
             */
            new_password: string;
            /**
             * Totp
             * @description the authenticator's code, if you have one
             */
            totp?: string | null;
        };
        /**
         * PastCase
         * @description One of the customer's cases, newest first, for the panel beside a case's conversation.
         */
        PastCase: {
            /** Id */
            id: string;
            /** Subject */
            subject: string;
            /** Source */
            source: string;
            /** Status */
            status: string;
            /** Priority */
            priority: string;
            /** Sentiment */
            sentiment: number;
            /**
             * Opened At
             * Format: date-time
             */
            opened_at: string;
            /** Closed At */
            closed_at: string | null;
            /** Close Reason */
            close_reason: string | null;
            /** Conversation Id */
            conversation_id: string;
        };
        /** PastConversation */
        PastConversation: {
            /** Id */
            id: string;
            /** Source */
            source: string;
            /**
             * First At
             * Format: date-time
             */
            first_at: string;
            /**
             * Last At
             * Format: date-time
             */
            last_at: string;
            /** Inbound Count */
            inbound_count: number;
            /** Outbound Count */
            outbound_count: number;
            /** Case Id */
            case_id: string | null;
            /**
             * Status
             * @description Its current case's status; None: it has no case
             */
            status: string | null;
        };
        /** Payloads */
        Payloads: {
            /** Payloads */
            payloads: components["schemas"]["JsonPayload"][];
        };
        /** PendingRequest */
        PendingRequest: {
            /**
             * Waiting
             * @description true: waiting on the customer (SLA paused); false: back to work
             * @default true
             */
            waiting?: boolean;
        };
        /** Position */
        Position: {
            /**
             * X
             * @default 0
             */
            x?: number;
            /**
             * Y
             * @default 0
             */
            y?: number;
        };
        /**
         * Priority
         * @enum {string}
         */
        Priority: "low" | "normal" | "high" | "urgent";
        /** PublishRequest */
        PublishRequest: {
            /**
             * Activate
             * @description make it the flow new cases start with
             * @default true
             */
            activate?: boolean;
        };
        /** RejectRequest */
        RejectRequest: {
            /** Reply Id */
            reply_id: string;
            /** Reason */
            reason: string;
        };
        /** Rejected */
        Rejected: {
            /**
             * Index
             * @description the mention's position in the batch
             */
            index: number;
            /**
             * Path
             * @description the field at fault, e.g. 'created_at'
             */
            path: string;
            /** Message */
            message: string;
        };
        /** ReplyCheck */
        ReplyCheck: {
            /** Needs Approval */
            needs_approval: boolean;
            /** Evidence */
            evidence: {
                [key: string]: components["schemas"]["JsonValue"];
            };
        };
        /** ReplyCheckRequest */
        ReplyCheckRequest: {
            /**
             * Text
             * @description The reply as written so far
             * @default
             */
            text?: string;
        };
        /** ReplyDraft */
        ReplyDraft: {
            /** Reply Id */
            reply_id: string;
            /** Agent Id */
            agent_id: string;
            /** Text */
            text: string;
            /**
             * Status
             * @description pending, approved or rejected
             */
            status: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Close
             * @default false
             */
            close: boolean;
            /** Decided By */
            decided_by: string | null;
            /** Reason */
            reason: string | null;
            /** Evidence */
            evidence: {
                [key: string]: components["schemas"]["JsonValue"];
            };
        };
        /** ReplyRequest */
        ReplyRequest: {
            /** Text */
            text: string;
            /**
             * Close
             * @description Send and resolve in one step.
             * @default false
             */
            close?: boolean;
            /**
             * Reply Id
             * @description Idempotency key; a retry with it sends once.
             */
            reply_id?: string | null;
        };
        /**
         * ReportChange
         * @description Fields to change; absent ones stay as they are.
         */
        ReportChange: {
            /** Name */
            name?: string | null;
            /** Kind */
            kind?: ("cases" | "mentions") | null;
            /** Metric */
            metric?: ("opened" | "closed" | "first_response" | "next_response" | "resolution" | "handle" | "sla" | "transfer_rate" | "reopen_rate" | "approval_rate" | "backlog" | "workload" | "auto_replies" | "auto_reply_rate" | "resolved_by_auto_reply" | "volume" | "sentiment" | "share_of_voice") | null;
            /** Group By */
            group_by?: ("none" | "channel" | "team" | "assignee" | "priority" | "tag" | "policy" | "day" | "hour" | "direction" | "language" | "sentiment") | null;
            /** Hours */
            hours?: ("calendar" | "business") | null;
            filters?: components["schemas"]["ReportFilters"] | null;
            /** Period */
            period?: ("today" | "yesterday" | "last_7_days" | "last_30_days" | "last_90_days" | "this_week" | "last_week" | "this_month" | "last_month" | "custom") | null;
            /** Since */
            since?: string | null;
            /** Until */
            until?: string | null;
            /** Tz */
            tz?: string | null;
            /** Shared */
            shared?: boolean | null;
            /**
             * Schedule Cadence
             * @description null (given): no longer scheduled
             */
            schedule_cadence?: ("daily" | "weekly") | null;
            /** Schedule Time */
            schedule_time?: string | null;
            /** Schedule Weekday */
            schedule_weekday?: number | null;
            /** Webhook Url */
            webhook_url?: string | null;
            /** Webhook Secret */
            webhook_secret?: string | null;
            /**
             * Email To
             * @description null or [] (given): emailed to nobody
             */
            email_to?: string[] | null;
        };
        /**
         * ReportCreate
         * @description A new saved report; its owner is the caller.
         */
        ReportCreate: {
            /**
             * Name
             * @description 1 to 120 characters
             */
            name: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "cases" | "mentions";
            /**
             * Metric
             * @description cases: a metric of GET /api/analytics/cases; mentions: volume, sentiment or share_of_voice (grouped by none, day or hour; saved only when a brand is set: GET /api/analytics/share-of-voice/terms)
             * @enum {string}
             */
            metric: "opened" | "closed" | "first_response" | "next_response" | "resolution" | "handle" | "sla" | "transfer_rate" | "reopen_rate" | "approval_rate" | "backlog" | "workload" | "auto_replies" | "auto_reply_rate" | "resolved_by_auto_reply" | "volume" | "sentiment" | "share_of_voice";
            /**
             * Group By
             * @default none
             * @enum {string}
             */
            group_by?: "none" | "channel" | "team" | "assignee" | "priority" | "tag" | "policy" | "day" | "hour" | "direction" | "language" | "sentiment";
            /**
             * Hours
             * @description cases: business measures first_response, next_response and resolution in the SLA calendar's open time
             * @default calendar
             * @enum {string}
             */
            hours?: "calendar" | "business";
            filters?: components["schemas"]["ReportFilters"];
            /**
             * Period
             * @description A window of whole local days before today (last_N_days, yesterday), the current or last week or month, today, or custom (since, until)
             * @default last_7_days
             * @enum {string}
             */
            period?: "today" | "yesterday" | "last_7_days" | "last_30_days" | "last_90_days" | "this_week" | "last_week" | "this_month" | "last_month" | "custom";
            /**
             * Since
             * @description custom: the start (included)
             */
            since?: string | null;
            /**
             * Until
             * @description custom: the end (excluded)
             */
            until?: string | null;
            /**
             * Tz
             * @description An IANA time zone, e.g. Europe/Paris
             * @default UTC
             */
            tz?: string;
            /**
             * Shared
             * @description true: everyone who reads analytics sees and runs it
             * @default false
             */
            shared?: boolean;
            /**
             * Schedule Cadence
             * @description daily or weekly delivery to the webhook and email recipients; null: not scheduled
             */
            schedule_cadence?: ("daily" | "weekly") | null;
            /** Schedule Time */
            schedule_time?: string | null;
            /** Schedule Weekday */
            schedule_weekday?: number | null;
            /** Webhook Url */
            webhook_url?: string | null;
            /** Webhook Secret */
            webhook_secret?: string | null;
            /** Email To */
            email_to?: string[] | null;
        };
        /**
         * ReportFilters
         * @description Equality filters, as GET /api/analytics/<kind> takes them; absent or null: any.
         */
        ReportFilters: {
            /**
             * Team Id
             * @description cases: a team's id
             */
            team_id?: string | null;
            /**
             * Channel
             * @description a source, e.g. twitter
             */
            channel?: string | null;
            /** @description cases */
            priority?: components["schemas"]["Priority"] | null;
            /**
             * Tag
             * @description cases
             */
            tag?: string | null;
            /** @description mentions */
            direction?: components["schemas"]["Direction"] | null;
        };
        /**
         * Role
         * @enum {string}
         */
        Role: "admin" | "ops_lead" | "supervisor" | "agent" | "auditor";
        /**
         * RssConfig
         * @description An RSS or Atom feed, polled for new entries.
         */
        RssConfig: {
            /**
             * Url
             * Format: uri
             */
            url: string;
            /**
             * Poll Seconds
             * @description how often to poll, in seconds
             * @default 300
             */
            poll_seconds?: number;
        };
        /** SavedReportPublic */
        SavedReportPublic: {
            /**
             * Name
             * @description What the report is called, e.g. 'Weekly first response by team'
             */
            name: string;
            /**
             * Kind
             * @description cases or mentions: which analytics the report runs
             */
            kind: string;
            /**
             * Metric
             * @description A case metric (GET /api/analytics/cases), or volume, sentiment or share_of_voice for mentions
             */
            metric: string;
            /**
             * Group By
             * @description A grouping the kind's analytics take
             * @default none
             */
            group_by: string;
            /**
             * Hours
             * @description cases: calendar, or business for first_response, next_response and resolution in the SLA calendar's open time
             * @default calendar
             */
            hours: string;
            /**
             * Filters
             * @description Equality filters: team_id, channel, priority, tag (cases); channel, direction (mentions)
             */
            filters: {
                [key: string]: components["schemas"]["JsonValue"];
            };
            /**
             * Period
             * @description A relative window (last_7_days, this_month, ...) resolved in tz when the report runs, or custom: since and until
             */
            period: string;
            /**
             * Since
             * @description custom periods: the start (included)
             */
            since: string | null;
            /**
             * Until
             * @description custom periods: the end (excluded)
             */
            until: string | null;
            /**
             * Tz
             * @description The IANA time zone its days, hours and relative period are in
             * @default UTC
             */
            tz: string;
            /**
             * Shared
             * @description true: everyone who reads analytics sees and runs it; false: its owner only
             * @default false
             */
            shared: boolean;
            /**
             * Schedule Cadence
             * @description daily or weekly; null: not scheduled
             */
            schedule_cadence: string | null;
            /**
             * Schedule Time
             * @description HH:MM, local time in tz, when it is delivered
             */
            schedule_time: string | null;
            /**
             * Schedule Weekday
             * @description weekly: 0 Monday ... 6 Sunday
             */
            schedule_weekday: number | null;
            /**
             * Webhook Url
             * @description Where a scheduled run is POSTed (JSON, signed)
             */
            webhook_url: string | null;
            /**
             * Email To
             * @description Who a scheduled run is emailed to (a summary and the CSV), through the operator's SMTP server; null: nobody
             */
            email_to: string[] | null;
            /** Id */
            id: string;
            /** Owner Id */
            owner_id: string;
            /**
             * Has Webhook Secret
             * @description A signing secret is set (it is never shown)
             * @default false
             */
            has_webhook_secret: boolean;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** SecondFactorCode */
        SecondFactorCode: {
            /**
             * Code
             * @description the code the authenticator shows now
             */
            code: string;
        };
        /** SecondFactorSetup */
        SecondFactorSetup: {
            /**
             * Secret
             * @description the key to type into an authenticator app (base32); shown this once
             */
            secret: string;
            /**
             * Uri
             * @description the same as an otpauth:// link, for a QR code
             */
            uri: string;
        };
        /** SentimentPoint */
        SentimentPoint: {
            /** Day */
            day: string;
            /** Mentions */
            mentions: number;
            /** Average */
            average: number;
        };
        /**
         * ShareOfVoiceTerms
         * @description Whose share of voice is counted: the brand and up to MAX_COMPETITORS competitors.
         */
        ShareOfVoiceTerms: {
            brand: components["schemas"]["VoiceName-Input"];
            /**
             * Competitors
             * @description Up to 10 competitors
             */
            competitors?: components["schemas"]["VoiceName-Input"][];
        };
        /** ShareOfVoiceTermsPublic */
        ShareOfVoiceTermsPublic: {
            /** @description The brand and its terms; null: none set anywhere */
            brand: components["schemas"]["VoiceName-Output"] | null;
            /**
             * Competitors
             * @description The competitors and their terms
             */
            competitors: components["schemas"]["VoiceName-Output"][];
            /**
             * Origin
             * @description saved (by an ops lead), environment (the setting SWITCHBOARD_SHARE_OF_VOICE, until one is saved) or none
             * @enum {string}
             */
            origin: "saved" | "environment" | "none";
            /**
             * Updated At
             * @description saved: when
             */
            updated_at: string | null;
            /**
             * Updated By
             * @description saved: by whom
             */
            updated_by: string | null;
        };
        /** SourceChange */
        SourceChange: {
            /** Name */
            name?: string | null;
            /** Enabled */
            enabled?: boolean | null;
            /**
             * Config
             * @description the whole config, of the source's kind (another kind's answers 409); a secret sent back as ******** keeps the stored one (409 if none is stored, or if the host, URL or account changed)
             */
            config?: components["schemas"]["WebhookConfig"] | components["schemas"]["RssConfig"] | components["schemas"]["MastodonConfig"] | components["schemas"]["EmailConfig"] | components["schemas"]["FileConfig"] | null;
        };
        /** SourceCreated */
        SourceCreated: {
            /** Id */
            id: string;
            /** Kind */
            kind: string;
            /** Name */
            name: string;
            /** Enabled */
            enabled: boolean;
            /**
             * Config
             * @description secrets show as ********
             */
            config: {
                [key: string]: components["schemas"]["JsonValue"];
            };
            /** Polls */
            polls: boolean;
            /** Cursor */
            cursor: string | null;
            /** Healthy */
            healthy: boolean;
            /** Last Polled At */
            last_polled_at: string | null;
            /** Last Success At */
            last_success_at: string | null;
            /** Last Error */
            last_error: string | null;
            /** Consecutive Failures */
            consecutive_failures: number;
            /**
             * Webhook Token
             * @description a webhook source's token for X-Switchboard-Token: shown this once, store it now
             */
            webhook_token: string | null;
        };
        /** SourcePublic */
        SourcePublic: {
            /** Id */
            id: string;
            /** Kind */
            kind: string;
            /** Name */
            name: string;
            /** Enabled */
            enabled: boolean;
            /**
             * Config
             * @description secrets show as ********
             */
            config: {
                [key: string]: components["schemas"]["JsonValue"];
            };
            /** Polls */
            polls: boolean;
            /** Cursor */
            cursor: string | null;
            /** Healthy */
            healthy: boolean;
            /** Last Polled At */
            last_polled_at: string | null;
            /** Last Success At */
            last_success_at: string | null;
            /** Last Error */
            last_error: string | null;
            /** Consecutive Failures */
            consecutive_failures: number;
        };
        /** StageFields */
        StageFields: {
            /**
             * Stage
             * @description the node type whose rules read these fields
             */
            stage: string;
            /** Fields */
            fields: components["schemas"]["FlowField"][];
        };
        /** StageResult */
        StageResult: {
            /**
             * Stage
             * @description tag, triage, assign, sla or approval
             */
            stage: string;
            /**
             * Node Id
             * @description the flow node that decided (None: the stage has no node)
             */
            node_id: string | null;
            /**
             * Evidence
             * @description as the case's timeline records it: each rule's result and trace
             */
            evidence: {
                [key: string]: components["schemas"]["JsonValue"];
            };
        };
        /** SubscriptionChange */
        SubscriptionChange: {
            /** Name */
            name?: string | null;
            /** Url */
            url?: string | null;
            /** Event Types */
            event_types?: ("case.opened" | "case.assigned" | "case.claimed" | "case.replied" | "case.escalated" | "case.sla_breached" | "case.transferred" | "case.closed" | "case.measured" | "mention.received" | "customer.created" | "customer.merged" | "customer.noted" | "flow.published" | "flow.activated" | "crisis.started" | "crisis.ended")[] | null;
            /**
             * Filter
             * @description JSON Logic over the event envelope (type, case_id, data...), e.g. {"==": [{"var": "data.case.priority"}, "high"]}; only events for which it is true are delivered; none: every event of the types
             */
            filter?: {
                [key: string]: components["schemas"]["JsonValue"];
            } | null;
            /**
             * Secret
             * @description A new signing secret; write-only
             */
            secret?: string | null;
            /**
             * Active
             * @description false pauses delivery (the backlog is kept); true resumes it, delivering the backlog, and clears a pause
             */
            active?: boolean | null;
        };
        /** SubscriptionCreate */
        SubscriptionCreate: {
            /** Name */
            name: string;
            /**
             * Url
             * Format: uri
             * @description Where events are POSTed: a public http(s) address, unless the operator allow-lists its network (SWITCHBOARD_CONNECT_ALLOW)
             */
            url: string;
            /**
             * Event Types
             * @description The event types delivered (at least one)
             */
            event_types: ("case.opened" | "case.assigned" | "case.claimed" | "case.replied" | "case.escalated" | "case.sla_breached" | "case.transferred" | "case.closed" | "case.measured" | "mention.received" | "customer.created" | "customer.merged" | "customer.noted" | "flow.published" | "flow.activated" | "crisis.started" | "crisis.ended")[];
            /**
             * Filter
             * @description JSON Logic over the event envelope (type, case_id, data...), e.g. {"==": [{"var": "data.case.priority"}, "high"]}; only events for which it is true are delivered; none: every event of the types
             */
            filter?: {
                [key: string]: components["schemas"]["JsonValue"];
            } | null;
            /**
             * Secret
             * Format: password
             * @description The signing secret (HMAC-SHA256); write-only, never shown again
             */
            secret: string;
            /**
             * Active
             * @default true
             */
            active?: boolean;
        };
        /** SubscriptionPublic */
        SubscriptionPublic: {
            /** Id */
            id: string;
            /** Name */
            name: string;
            /** Url */
            url: string;
            /** Event Types */
            event_types: string[];
            /** Filter */
            filter: {
                [key: string]: components["schemas"]["JsonValue"];
            } | null;
            /** Active */
            active: boolean;
            /**
             * Paused Reason
             * @description Why delivery is paused (by whom, or after which failures)
             */
            paused_reason: string | null;
            /** Paused At */
            paused_at: string | null;
            /**
             * Healthy
             * @description false after repeated failures, until a delivery succeeds
             */
            healthy: boolean;
            /**
             * Cursor
             * @description The last event delivered or passed over (GET /api/events?after=)
             */
            cursor: number;
            /**
             * Backlog
             * @description Events of its types beyond its cursor (before its filter)
             */
            backlog: number;
            /** Consecutive Failures */
            consecutive_failures: number;
            /** Last Error */
            last_error: string | null;
            /** Last Delivery At */
            last_delivery_at: string | null;
            /** Next Attempt At */
            next_attempt_at: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By */
            created_by: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * SubscriptionTestEvent
         * @description A subscription.test event (payload version 1)
         */
        SubscriptionTestEvent: {
            /**
             * Cursor
             * @description Increasing in commit order: resume the feed with after=<cursor>
             */
            cursor: number;
            /**
             * Id
             * @description UUID: the idempotency key (the Idempotency-Key header of webhook deliveries)
             */
            id: string;
            /**
             * Version
             * @description The payload's schema version
             */
            version: number;
            /**
             * Case Id
             * @description The case the event concerns, if any
             */
            case_id: string | null;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "subscription.test";
            data: components["schemas"]["TestPing"];
        };
        /**
         * TagRequest
         * @description A change of the case's tags: at least one tag to add or to remove.
         */
        TagRequest: {
            /** Add */
            add?: string[];
            /** Remove */
            remove?: string[];
        } | {
            add: unknown;
        } | {
            remove: unknown;
        };
        /**
         * TeamChange
         * @description Fields to change; absent ones stay as they are. Members move with /api/teams/{id}/members/{agent_id}.
         */
        TeamChange: {
            /** Description */
            description?: string | null;
            /**
             * Department
             * @description e.g. Marketing/PR, Support/Sales
             */
            department?: string | null;
            /**
             * Strategy
             * @description how the queue picks an agent
             */
            strategy?: ("round_robin" | "least_loaded" | "skills" | "manual") | null;
            /**
             * Relax Optional After Seconds
             * @description optional skills stop being required after a case waits this long
             */
            relax_optional_after_seconds?: number | null;
            /**
             * Never Relax
             * @description optional skills stay required however long a case waits (relax_optional_after_seconds null)
             * @default false
             */
            never_relax?: boolean;
            /**
             * Allow Pull
             * @description agents may claim waiting cases
             */
            allow_pull?: boolean | null;
            /**
             * Claim Idle Seconds
             * @description a claim idle this long expires
             */
            claim_idle_seconds?: number | null;
            /** Name */
            name?: string | null;
        };
        /**
         * TeamCreate
         * @description A new team (a queue routing rules may send cases to); `members` are agents moved into it from theirs.
         */
        TeamCreate: {
            /** Description */
            description?: string | null;
            /**
             * Department
             * @description e.g. Marketing/PR, Support/Sales
             */
            department?: string | null;
            /**
             * Strategy
             * @description how the queue picks an agent
             */
            strategy?: ("round_robin" | "least_loaded" | "skills" | "manual") | null;
            /**
             * Relax Optional After Seconds
             * @description optional skills stop being required after a case waits this long
             */
            relax_optional_after_seconds?: number | null;
            /**
             * Never Relax
             * @description optional skills stay required however long a case waits (relax_optional_after_seconds null)
             * @default false
             */
            never_relax?: boolean;
            /**
             * Allow Pull
             * @description agents may claim waiting cases
             */
            allow_pull?: boolean | null;
            /**
             * Claim Idle Seconds
             * @description a claim idle this long expires
             */
            claim_idle_seconds?: number | null;
            /**
             * Id
             * @description lowercase letters, digits, - and _; default: from the name
             */
            id?: string | null;
            /** Name */
            name: string;
            /**
             * Members
             * @description agents who move to this team
             */
            members?: string[];
        };
        /** TeamPublic */
        TeamPublic: {
            /** Name */
            name: string;
            /**
             * Description
             * @default
             */
            description: string;
            /**
             * Department
             * @description e.g. Marketing/PR, Support/Sales, Tier 1
             * @default
             */
            department: string;
            /**
             * Strategy
             * @description round_robin, least_loaded, skills or manual
             * @default round_robin
             */
            strategy: string;
            /**
             * Relax Optional After Seconds
             * @description Optional skills stop being required after a case waits this long; null = never
             * @default 120
             */
            relax_optional_after_seconds: number | null;
            /**
             * Allow Pull
             * @description Agents may claim waiting cases themselves
             * @default false
             */
            allow_pull: boolean;
            /**
             * Claim Idle Seconds
             * @description A claim with no activity for this long expires
             * @default 900
             */
            claim_idle_seconds: number;
            /** Id */
            id: string;
            /**
             * Members
             * @description ids of the team's agents, by name
             */
            members: string[];
            /**
             * Waiting
             * @description cases waiting in the team's queue for an agent
             * @default 0
             */
            waiting: number;
            /**
             * Oldest Waiting Since
             * @description when the case that has waited longest began waiting; null: none waits
             */
            oldest_waiting_since: string | null;
        };
        /** TestPing */
        TestPing: {
            /** Subscription Id */
            subscription_id: string;
            /**
             * Message
             * @default a test event from Switchboard
             */
            message: string;
        };
        /**
         * Thresholds
         * @description What the ops lead sets: how big a rise is a crisis, and how small a one is over.
         */
        Thresholds: {
            /**
             * Ratio
             * @description a series spikes at this many times its baseline
             * @default 3
             */
            ratio?: number;
            /**
             * Min Mentions
             * @description and with at least this many mentions in the window
             * @default 50
             */
            min_mentions?: number;
            /**
             * Negative Ratio
             * @description a negative series spikes at this many times its baseline
             * @default 3
             */
            negative_ratio?: number;
            /**
             * Min Negative
             * @description and with at least this many negative mentions in the window
             * @default 20
             */
            min_negative?: number;
            /**
             * Negative Below
             * @description a mention is negative when its sentiment is at or below this
             * @default -0.05
             */
            negative_below?: number;
            /**
             * End Ratio
             * @description a series is calm at or below this many times its baseline
             * @default 1.5
             */
            end_ratio?: number;
            /**
             * Calm Checks
             * @description an automatic crisis ends after this many calm checks in a row
             * @default 2
             */
            calm_checks?: number;
        };
        /** TokenCreate */
        TokenCreate: {
            /**
             * Name
             * @description what the token is for, e.g. 'nightly import'
             */
            name: string;
            /**
             * Scopes
             * @description permissions (cases:read), read:AREA, or import:SOURCE
             */
            scopes: string[];
            /**
             * Expires At
             * @description with a time zone, e.g. 2027-01-31T23:59:59Z
             */
            expires_at?: string | null;
        };
        /** TransferRequest */
        TransferRequest: {
            /** Team Id */
            team_id: string;
            /**
             * Note
             * @default
             */
            note?: string;
        };
        /** UserChange */
        UserChange: {
            /** Name */
            name?: string | null;
            role?: components["schemas"]["Role"] | null;
            /**
             * Teams
             * @description teams whose cases the user sees; empty = all (an agent needs one: 409 if the user stays an agent)
             */
            teams?: string[] | null;
            /**
             * Disabled
             * @description a disabled user's sessions and tokens stop working
             */
            disabled?: boolean | null;
            /**
             * Reset Second Factor
             * @description remove their authenticator (a lost phone)
             * @default false
             */
            reset_second_factor?: boolean;
            /**
             * Password
             * @description set a new password: at least SWITCHBOARD_PASSWORD_MIN_LENGTH characters (12 unless set), not on the list of common breached passwords, not the account's email or name, not one they used recently (409)
             */
            password?: string | null;
        };
        /** UserCreate */
        UserCreate: {
            /** Email */
            email: string;
            /**
             * Name
             * @default
             */
            name?: string;
            role: components["schemas"]["Role"];
            /**
             * Teams
             * @description teams whose cases the user sees; empty = all (an agent needs one)
             */
            teams?: string[];
            /**
             * Password
             * @description at least SWITCHBOARD_PASSWORD_MIN_LENGTH characters (12 unless set), not on the list of common breached passwords, not the account's email or name
             */
            password: string;
        };
        /** UserPublic */
        UserPublic: {
            /**
             * Email
             * @description lower case; the login name
             */
            email: string;
            /**
             * Name
             * @default
             */
            name: string;
            role: components["schemas"]["Role"];
            /**
             * Teams
             * @description the teams whose cases the user sees and works; empty = all teams
             */
            teams: string[];
            /**
             * Disabled
             * @default false
             */
            disabled: boolean;
            /** Id */
            id: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Last Login At */
            last_login_at: string | null;
            /**
             * Second Factor
             * @default false
             */
            second_factor: boolean;
        };
        /** VerifyAnswer */
        VerifyAnswer: {
            /** Intact */
            intact: boolean;
            /** Summary */
            summary: string;
            /** Entries */
            entries: number;
            /** First Id */
            first_id: number | null;
            /** Last Id */
            last_id: number | null;
            /** Head Id */
            head_id: number;
            /** Checkpoints */
            checkpoints: number;
            /** Broken At */
            broken_at: number | null;
            /** Why */
            why: string | null;
        };
        /** Viewer */
        Viewer: {
            /** Agent Id */
            agent_id: string;
            /**
             * Seen At
             * Format: date-time
             */
            seen_at: string;
        };
        /**
         * VoiceName
         * @description The brand or one competitor, and the terms that name it.
         */
        "VoiceName-Input": {
            /**
             * Name
             * @description What the figures call it (1 to 80 characters)
             * @example Acme
             */
            name: string;
            /**
             * Terms
             * @description 1 to 20 terms, each once
             */
            terms: string[];
        };
        /**
         * VoiceName
         * @description The brand or one competitor, and the terms that name it.
         */
        "VoiceName-Output": {
            /**
             * Name
             * @description What the figures call it (1 to 80 characters)
             * @example Acme
             */
            name: string;
            /**
             * Terms
             * @description 1 to 20 terms, each once
             */
            terms: string[];
        };
        /** WebhookAccepted */
        WebhookAccepted: {
            /** Mention Id */
            mention_id: string;
            /** Conversation Id */
            conversation_id: string;
            /** Duplicate */
            duplicate: boolean;
            /** Needs Response */
            needs_response: boolean | null;
            /** Case Id */
            case_id: string | null;
        };
        /**
         * WebhookConfig
         * @description A generic JSON webhook: our fields taken from the posted body by dotted path; every post is
         *     authenticated by the source's token or an HMAC signature, unless the operator says `none`.
         */
        WebhookConfig: {
            /**
             * Auth
             * @description token: each post carries the source's token in X-Switchboard-Token (made when the source is created, shown once; POST /api/sources/{id}/webhook-token makes a new one); hmac: each post is signed with hmac_secret; none: anyone who can reach the API may post (only behind a gateway that checks senders)
             * @default token
             * @enum {string}
             */
            auth?: "token" | "hmac" | "none";
            /**
             * Mapping
             * @description our field -> dotted path in the posted JSON, e.g. {"author": "user.handle"}; unmapped fields are read under their own names
             */
            mapping?: {
                [key: string]: string;
            };
            /**
             * Hmac Secret
             * @description when set, each request must carry an HMAC-SHA256 of its raw body in signature_header
             */
            hmac_secret?: string | null;
            /**
             * Signature Header
             * @default X-Signature-256
             */
            signature_header?: string;
        };
        /** WebhookToken */
        WebhookToken: {
            /**
             * Webhook Token
             * @description send it in X-Switchboard-Token; shown this once
             */
            webhook_token: string;
        };
        ApiError: {
            detail: {
                code: string;
                message: string;
                path: string;
                errors?: {
                    [key: string]: components["schemas"]["JsonValue"];
                }[];
            };
        };
        /**
         * IncomingMention
         * @description A mention as a webhook or an import sends it.
         */
        IncomingMention: {
            /**
             * External Id
             * @description The mention's id at the source.
             */
            external_id: string;
            /** Author */
            author: string;
            /** Text */
            text: string;
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601 with a timezone, e.g. 2026-11-23T10:00:00Z
             */
            created_at: string;
            /**
             * Reply To Id
             * @description external id of the mention this one answers
             * @default null
             */
            reply_to_id?: string | null;
            /**
             * Thread Id
             * @description a thread the source names (a DM or email thread)
             * @default null
             */
            thread_id?: string | null;
            /**
             * @description outbound: our brand's own reply, attached and counted, never a case
             * @default inbound
             */
            direction?: components["schemas"]["Direction"];
            /**
             * Author Followers
             * @default null
             */
            author_followers?: number | null;
            /**
             * Author Verified
             * @default false
             */
            author_verified?: boolean;
        };
        /** @description any JSON value without the NUL character in its text */
        JsonValue: unknown;
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    receive_webhook_api_webhooks__source__post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                source: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IncomingMention"];
            };
        };
        responses: {
            /** @description Already received: nothing new created */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAccepted"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAccepted"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request conflicts with the state of things (the message says how) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description too many requests: wait as long as Retry-After says */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the workflow service (or the database, busy) did not take the request: nothing changed, send it again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    log_in_api_auth_login_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginAnswer"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description wrong email or password */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description locked after repeated failures, or too many attempts from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    log_out_api_auth_logout_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    who_am_i_api_auth_me_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    change_own_password_api_auth_password_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description too many requests: wait as long as Retry-After says */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    start_second_factor_api_auth_totp_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecondFactorSetup"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    confirm_second_factor_api_auth_totp_confirm_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SecondFactorCode"];
            };
        };
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request conflicts with the state of things (the message says how) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    list_users_api_users_get: {
        parameters: {
            query?: {
                /** @description which column and which way, e.g. ["id","ASC"] (the default) */
                sort?: string;
                /** @description [first, last] rows, inclusive (default [0,24]); at most 1000 rows come back, as Content-Range says; a range ending before it starts is empty */
                range?: string;
                /** @description each field's value, or a list of values any of which matches; q: text to find */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPublic"][];
                };
            };
            /** @description a list's sort, range or filter is not one this list takes (the path names which) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    add_user_api_users_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description a team the body names does not exist (path: teams) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request conflicts with the state of things (the message says how) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    get_user_api_users__user_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    change_user_api_users__user_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request conflicts with the state of things (the message says how) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    list_tokens_api_tokens_get: {
        parameters: {
            query?: {
                /** @description which column and which way, e.g. ["id","ASC"] (the default) */
                sort?: string;
                /** @description [first, last] rows, inclusive (default [0,24]); at most 1000 rows come back, as Content-Range says; a range ending before it starts is empty */
                range?: string;
                /** @description each field's value, or a list of values any of which matches; q: text to find */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenPublic"][];
                };
            };
            /** @description a list's sort, range or filter is not one this list takes (the path names which) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    make_token_api_tokens_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenCreated"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    revoke_token_api_tokens__token_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    decode_api_codec_decode_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Payloads"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payloads"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    encode_api_codec_encode_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Payloads"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payloads"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    list_cases_api_cases_get: {
        parameters: {
            query?: {
                /** @description an inbox view (GET /api/inbox), as the filter's `view` says */
                view?: string | null;
                /** @description which column and which way, e.g. ["id","ASC"] (the default) */
                sort?: string;
                /** @description [first, last] rows, inclusive (default [0,24]); at most 1000 rows come back, as Content-Range says; a range ending before it starts is empty */
                range?: string;
                /** @description each field's value, or a list of values any of which matches; q: text to find */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseListItem"][];
                };
            };
            /** @description a list's sort, range or filter is not one this list takes (the path names which) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    get_case_api_cases__case_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseListItem"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    export_case_api_cases__case_id__bundle_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: components["schemas"]["JsonValue"];
                    };
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    reply_to_case_api_cases__case_id__replies_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplyRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CasePublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request conflicts with the state of things (the message says how) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the workflow service (or the database, busy) did not take the request: nothing changed, send it again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the case did not answer in time: the change may still happen; repeat it with the same ids to be safe */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    close_case_api_cases__case_id__close_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CloseRequest"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CasePublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request conflicts with the state of things (the message says how) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the workflow service (or the database, busy) did not take the request: nothing changed, send it again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the case did not answer in time: the change may still happen; repeat it with the same ids to be safe */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    claim_case_api_cases__case_id__claim_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ClaimRequest"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CasePublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request conflicts with the state of things (the message says how) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the workflow service (or the database, busy) did not take the request: nothing changed, send it again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the case did not answer in time: the change may still happen; repeat it with the same ids to be safe */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    release_case_api_cases__case_id__release_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CasePublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request conflicts with the state of things (the message says how) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the workflow service (or the database, busy) did not take the request: nothing changed, send it again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the case did not answer in time: the change may still happen; repeat it with the same ids to be safe */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    approve_reply_api_cases__case_id__approve_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CasePublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request conflicts with the state of things (the message says how) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the workflow service (or the database, busy) did not take the request: nothing changed, send it again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the case did not answer in time: the change may still happen; repeat it with the same ids to be safe */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    reject_reply_api_cases__case_id__reject_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CasePublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request conflicts with the state of things (the message says how) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the workflow service (or the database, busy) did not take the request: nothing changed, send it again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the case did not answer in time: the change may still happen; repeat it with the same ids to be safe */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    transfer_case_api_cases__case_id__transfer_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CasePublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request conflicts with the state of things (the message says how) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the workflow service (or the database, busy) did not take the request: nothing changed, send it again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the case did not answer in time: the change may still happen; repeat it with the same ids to be safe */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    set_pending_api_cases__case_id__pending_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PendingRequest"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CasePublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request conflicts with the state of things (the message says how) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the workflow service (or the database, busy) did not take the request: nothing changed, send it again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the case did not answer in time: the change may still happen; repeat it with the same ids to be safe */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    add_note_api_cases__case_id__notes_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CasePublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request conflicts with the state of things (the message says how) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the workflow service (or the database, busy) did not take the request: nothing changed, send it again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the case did not answer in time: the change may still happen; repeat it with the same ids to be safe */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    change_tags_api_cases__case_id__tags_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TagRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CasePublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request conflicts with the state of things (the message says how) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the workflow service (or the database, busy) did not take the request: nothing changed, send it again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the case did not answer in time: the change may still happen; repeat it with the same ids to be safe */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    hand_to_expert_api_cases__case_id__expert_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExpertHandoffRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CasePublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request conflicts with the state of things (the message says how) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the workflow service (or the database, busy) did not take the request: nothing changed, send it again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the case did not answer in time: the change may still happen; repeat it with the same ids to be safe */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    list_drafts_api_cases__case_id__drafts_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplyDraft"][];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the workflow service (or the database, busy) did not take the request: nothing changed, send it again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    check_reply_api_cases__case_id__reply_check_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplyCheckRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplyCheck"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    who_is_viewing_api_cases__case_id__presence_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Viewer"][];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    case_presence_api_cases__case_id__presence_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Viewer"][];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    list_mentions_api_mentions_get: {
        parameters: {
            query?: {
                /** @description which column and which way, e.g. ["id","ASC"] (the default) */
                sort?: string;
                /** @description [first, last] rows, inclusive (default [0,24]); at most 1000 rows come back, as Content-Range says; a range ending before it starts is empty */
                range?: string;
                /** @description each field's value, or a list of values any of which matches; q: text to find */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MentionPublic"][];
                };
            };
            /** @description a list's sort, range or filter is not one this list takes (the path names which) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    get_mention_api_mentions__mention_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mention_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MentionPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    list_teams_api_teams_get: {
        parameters: {
            query?: {
                /** @description which column and which way, e.g. ["id","ASC"] (the default) */
                sort?: string;
                /** @description [first, last] rows, inclusive (default [0,24]); at most 1000 rows come back, as Content-Range says; a range ending before it starts is empty */
                range?: string;
                /** @description each field's value, or a list of values any of which matches; q: text to find */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamPublic"][];
                };
            };
            /** @description a list's sort, range or filter is not one this list takes (the path names which) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    create_team_api_teams_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TeamCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamPublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description a member is not an agent (path: members.N) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the id, or the name, is another team's */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    get_team_api_teams__team_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    change_team_api_teams__team_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TeamChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamPublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the name is another team's */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    add_member_api_teams__team_id__members__agent_id__post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team_id: string;
                agent_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such team, or no such agent (path: agent_id) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    remove_member_api_teams__team_id__members__agent_id__delete: {
        parameters: {
            query: {
                /** @description the team the agent moves to: an agent works in exactly one team */
                to: string;
            };
            header?: never;
            path: {
                team_id: string;
                agent_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such team or agent, the agent is not in this team, or no team `to` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description `to` is this team */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    list_agents_api_agents_get: {
        parameters: {
            query?: {
                /** @description which column and which way, e.g. ["id","ASC"] (the default) */
                sort?: string;
                /** @description [first, last] rows, inclusive (default [0,24]); at most 1000 rows come back, as Content-Range says; a range ending before it starts is empty */
                range?: string;
                /** @description each field's value, or a list of values any of which matches; q: text to find */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentPublic"][];
                };
            };
            /** @description a list's sort, range or filter is not one this list takes (the path names which) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    get_agent_api_agents__agent_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agent_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    change_agent_api_agents__agent_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agent_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgentChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentPublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such agent, or no channel (path: channel_capacity.X, channels.N) or team (team_id) the body names */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    flow_fields_api_flows_fields_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowFields"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    list_flows_api_flows_get: {
        parameters: {
            query?: {
                /** @description which column and which way, e.g. ["id","ASC"] (the default) */
                sort?: string;
                /** @description [first, last] rows, inclusive (default [0,24]); at most 1000 rows come back, as Content-Range says; a range ending before it starts is empty */
                range?: string;
                /** @description each field's value, or a list of values any of which matches; q: text to find */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowPublic"][];
                };
            };
            /** @description a list's sort, range or filter is not one this list takes (the path names which) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    get_flow_api_flows__flow_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flow_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    list_drafts_api_flow_drafts_get: {
        parameters: {
            query?: {
                /** @description which column and which way, e.g. ["id","ASC"] (the default) */
                sort?: string;
                /** @description [first, last] rows, inclusive (default [0,24]); at most 1000 rows come back, as Content-Range says; a range ending before it starts is empty */
                range?: string;
                /** @description each field's value, or a list of values any of which matches; q: text to find */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowDraftListed"][];
                };
            };
            /** @description a list's sort, range or filter is not one this list takes (the path names which) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    create_draft_api_flow_drafts_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FlowDraftCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowDraftListed"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description something the body names does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    get_draft_api_flow_drafts__draft_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                draft_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowDraftListed"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    update_draft_api_flow_drafts__draft_id__put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                draft_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FlowDraftUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowDraftListed"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    delete_draft_api_flow_drafts__draft_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                draft_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowDraftPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    publish_draft_api_flow_drafts__draft_id__publish_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                draft_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowPublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    activate_api_flows__flow_id__activate_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flow_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    list_case_events_api_case_events_get: {
        parameters: {
            query?: {
                /** @description which column and which way, e.g. ["id","ASC"] (the default) */
                sort?: string;
                /** @description [first, last] rows, inclusive (default [0,24]); at most 1000 rows come back, as Content-Range says; a range ending before it starts is empty */
                range?: string;
                /** @description each field's value, or a list of values any of which matches */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseEventPublic"][];
                };
            };
            /** @description a list's sort, range or filter is not one this list takes (the path names which) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    get_case_event_api_case_events__event_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                event_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseEventPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    list_entries_api_audit_entries_get: {
        parameters: {
            query?: {
                /** @description which column and which way, e.g. ["id","ASC"] (the default) */
                sort?: string;
                /** @description [first, last] rows, inclusive (default [0,24]); at most 1000 rows come back, as Content-Range says; a range ending before it starts is empty */
                range?: string;
                /** @description each field's value, or a list of values any of which matches */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntry"][];
                };
            };
            /** @description a list's sort, range or filter is not one this list takes (the path names which) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    get_entry_api_audit_entries__entry_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entry_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntry"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    verify_log_api_audit_verify_get: {
        parameters: {
            query?: {
                /** @description start at the last signed checkpoint before this instant, e.g. 2026-12-01T00:00:00Z */
                since?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyAnswer"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    audit_key_api_audit_key_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: components["schemas"]["JsonValue"];
                    };
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    checkpoint_api_audit_checkpoints_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckpointPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    list_experts_api_experts_get: {
        parameters: {
            query?: {
                /** @description which column and which way, e.g. ["id","ASC"] (the default) */
                sort?: string;
                /** @description [first, last] rows, inclusive (default [0,24]); at most 1000 rows come back, as Content-Range says; a range ending before it starts is empty */
                range?: string;
                /** @description each field's value, or a list of values any of which matches; q: text to find */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpertPublic"][];
                };
            };
            /** @description a list's sort, range or filter is not one this list takes (the path names which) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    create_expert_api_experts_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExpertCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpertPublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request conflicts with the state of things (the message says how) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    get_expert_api_experts__expert_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                expert_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpertPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    list_requests_api_expert_requests_get: {
        parameters: {
            query?: {
                /** @description which column and which way, e.g. ["id","ASC"] (the default) */
                sort?: string;
                /** @description [first, last] rows, inclusive (default [0,24]); at most 1000 rows come back, as Content-Range says; a range ending before it starts is empty */
                range?: string;
                /** @description each field's value, or a list of values any of which matches */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpertRequestPublic"][];
                };
            };
            /** @description a list's sort, range or filter is not one this list takes (the path names which) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    get_link_api_expert_requests__request_id__link_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpertLink"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    get_request_api_expert_requests__request_id__get: {
        parameters: {
            query?: never;
            header?: {
                /** @description the token of the expert's link */
                "X-Expert-Token"?: string | null;
            };
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpertRequestPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    answer_request_api_expert_requests__request_id__answer_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description the token of the expert's link */
                "X-Expert-Token"?: string | null;
            };
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpertRequestPublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the workflow service (or the database, busy) did not take the request: nothing changed, send it again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    backtest_draft_api_flow_drafts__draft_id__backtest_get: {
        parameters: {
            query?: {
                /** @description the period's start (default: 7 days before `until`), e.g. 2026-12-01T00:00:00Z */
                since?: string | null;
                /** @description the period's end (default: now), e.g. 2026-12-01T00:00:00Z */
                until?: string | null;
                /** @description how many of the changed cases to list */
                sample?: number;
            };
            header?: never;
            path: {
                draft_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BacktestReport"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    backtest_draft_csv_api_flow_drafts__draft_id__backtest_csv_get: {
        parameters: {
            query?: {
                /** @description the period's start (default: 7 days before `until`), e.g. 2026-12-01T00:00:00Z */
                since?: string | null;
                /** @description the period's end (default: now), e.g. 2026-12-01T00:00:00Z */
                until?: string | null;
            };
            header?: never;
            path: {
                draft_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": unknown;
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    backtest_version_api_flows__flow_id__backtest_get: {
        parameters: {
            query?: {
                /** @description the period's start (default: 7 days before `until`), e.g. 2026-12-01T00:00:00Z */
                since?: string | null;
                /** @description the period's end (default: now), e.g. 2026-12-01T00:00:00Z */
                until?: string | null;
                /** @description how many of the changed cases to list */
                sample?: number;
            };
            header?: never;
            path: {
                flow_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BacktestReport"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    backtest_version_csv_api_flows__flow_id__backtest_csv_get: {
        parameters: {
            query?: {
                /** @description the period's start (default: 7 days before `until`), e.g. 2026-12-01T00:00:00Z */
                since?: string | null;
                /** @description the period's end (default: now), e.g. 2026-12-01T00:00:00Z */
                until?: string | null;
            };
            header?: never;
            path: {
                flow_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": unknown;
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    test_draft_api_flow_drafts__draft_id__test_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                draft_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FlowTestRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowTestResult"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    test_version_api_flows__flow_id__test_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flow_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FlowTestRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowTestResult"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    import_mentions_api_sources__source__imports_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                source: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportBatch"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description too many requests: wait as long as Retry-After says */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the workflow service (or the database, busy) did not take the request: nothing changed, send it again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    list_conversations_api_conversations_get: {
        parameters: {
            query?: {
                /** @description which column and which way, e.g. ["id","ASC"] (the default) */
                sort?: string;
                /** @description [first, last] rows, inclusive (default [0,24]); at most 1000 rows come back, as Content-Range says; a range ending before it starts is empty */
                range?: string;
                /** @description each field's value, or a list of values any of which matches; q: text to find */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationPublic"][];
                };
            };
            /** @description a list's sort, range or filter is not one this list takes (the path names which) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    get_conversation_api_conversations__conversation_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    list_sources_api_sources_get: {
        parameters: {
            query?: {
                /** @description which column and which way, e.g. ["id","ASC"] (the default) */
                sort?: string;
                /** @description [first, last] rows, inclusive (default [0,24]); at most 1000 rows come back, as Content-Range says; a range ending before it starts is empty */
                range?: string;
                /** @description each field's value, or a list of values any of which matches; q: text to find */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourcePublic"][];
                };
            };
            /** @description a list's sort, range or filter is not one this list takes (the path names which) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    create_source_api_sources_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewWebhookSource"] | components["schemas"]["NewRssSource"] | components["schemas"]["NewMastodonSource"] | components["schemas"]["NewEmailSource"] | components["schemas"]["NewFileSource"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceCreated"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request conflicts with the state of things (the message says how) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the workflow service (or the database, busy) did not take the request: nothing changed, send it again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    get_source_api_sources__source_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                source_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourcePublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    change_source_api_sources__source_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                source_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SourceChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourcePublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the config is not one this source takes: another kind's, or a secret sent back as ******** with none stored to keep (or its host, URL or account changed) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the workflow service (or the database, busy) did not take the request: nothing changed, send it again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    new_webhook_token_api_sources__source_id__webhook_token_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                source_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookToken"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request conflicts with the state of things (the message says how) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    poll_source_api_sources__source_id__poll_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                source_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: string;
                    };
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request conflicts with the state of things (the message says how) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the workflow service (or the database, busy) did not take the request: nothing changed, send it again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    list_customers_api_customers_get: {
        parameters: {
            query?: {
                /** @description which column and which way, e.g. ["id","ASC"] (the default) */
                sort?: string;
                /** @description [first, last] rows, inclusive (default [0,24]); at most 1000 rows come back, as Content-Range says; a range ending before it starts is empty */
                range?: string;
                /** @description each field's value, or a list of values any of which matches; q: text to find */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerPublic"][];
                };
            };
            /** @description a list's sort, range or filter is not one this list takes (the path names which) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    get_customer_api_customers__customer_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerProfile"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    post_note_api_customers__customer_id__notes_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteInput"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerProfile"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    merge_api_customers__customer_id__merge_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MergeInput"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerProfile"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request conflicts with the state of things (the message says how) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    get_inbox_api_inbox_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inbox"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    live_stream_api_stream_get: {
        parameters: {
            query?: {
                /** @description resume after this event id (an instant the stream sent), e.g. 2026-12-01T00:00:00Z */
                after?: string | null;
                /** @description how long the stream stays open; an EventSource reconnects by itself, resuming where it was */
                seconds?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-Sent Events: `case`, `counts`, `presence` and `notification` events, each's data one JSON object; a comment every 15 s keeps the connection open */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": {
                        /** @enum {string} */
                        event?: "case" | "counts" | "presence" | "notification";
                        /** @description one JSON object */
                        data?: string;
                        /** @description the instant to resume after (`after`, `Last-Event-ID`) */
                        id?: string;
                        /** @description milliseconds an EventSource waits to reconnect */
                        retry?: number;
                    };
                };
            };
            /** @description `Last-Event-ID` is not an instant this stream sent */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    get_notifications_api_notifications_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notifications"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    read_notifications_api_notifications_read_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkRead"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notifications"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description something the body names does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    list_canned_replies_api_canned_replies_get: {
        parameters: {
            query?: {
                /** @description which column and which way, e.g. ["id","ASC"] (the default) */
                sort?: string;
                /** @description [first, last] rows, inclusive (default [0,24]); at most 1000 rows come back, as Content-Range says; a range ending before it starts is empty */
                range?: string;
                /** @description each field's value, or a list of values any of which matches; q: text to find */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CannedReplyPublic"][];
                };
            };
            /** @description a list's sort, range or filter is not one this list takes (the path names which) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    create_api_canned_replies_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CannedReplyCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CannedReplyPublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such canned reply, or no team (path: team_id) or channel (channels.N) the body names */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    get_canned_reply_api_canned_replies__reply_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reply_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CannedReplyPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description nothing has that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    delete_api_canned_replies__reply_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reply_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CannedReplyPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such canned reply */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    change_api_canned_replies__reply_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reply_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CannedReplyChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CannedReplyPublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such canned reply, or no team (path: team_id) or channel (channels.N) the body names */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    case_analytics_api_analytics_cases_get: {
        parameters: {
            query: {
                /** @description The period's start (included), e.g. 2026-12-01T00:00:00Z */
                since: string;
                /** @description The period's end (excluded), e.g. 2026-12-01T00:00:00Z */
                until: string;
                /** @description opened, first_response, auto_replies and auto_reply_rate count cases by opened_at; closed, resolved_by_auto_reply, next_response, resolution, handle, sla, transfer_rate and reopen_rate count closed cases by closed_at (throughput: closed grouped by assignee or team); approval_rate counts held replies decided in the period; backlog and workload (open cases with an agent) count at the period's end */
                metric: "opened" | "closed" | "first_response" | "next_response" | "resolution" | "handle" | "sla" | "transfer_rate" | "reopen_rate" | "approval_rate" | "backlog" | "workload" | "auto_replies" | "auto_reply_rate" | "resolved_by_auto_reply";
                /** @description channel is the case's source; a case counts once in each tag it has; policy is the SLA policy its workflow chose last */
                group_by?: "none" | "channel" | "team" | "assignee" | "priority" | "tag" | "policy" | "day" | "hour";
                /** @description The viewer's IANA time zone, for day and hour groups */
                tz?: string;
                team_id?: string | null;
                /** @description A source, e.g. twitter */
                channel?: string | null;
                priority?: components["schemas"]["Priority"] | null;
                tag?: string | null;
                /** @description business: first_response, next_response and resolution in open time of each case's SLA policy's calendar (24/7 without one) */
                hours?: "calendar" | "business";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalyticsReport"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    mention_analytics_api_analytics_mentions_get: {
        parameters: {
            query: {
                /** @description The period's start (included), e.g. 2026-12-01T00:00:00Z */
                since: string;
                /** @description The period's end (excluded), e.g. 2026-12-01T00:00:00Z */
                until: string;
                /** @description volume: mentions written in the period (by created_at); sentiment: their mean sentiment (-1..1; group by day for the trend); share_of_voice: inbound mentions naming the brand and each competitor (GET /api/analytics/share-of-voice/terms), grouped by none, day or hour */
                metric?: "volume" | "sentiment" | "share_of_voice";
                /** @description team is the queue of the mention's case; sentiment: negative (<= -0.05), neutral, positive (>= 0.05); a mention counts once in each tag it has */
                group_by?: "none" | "channel" | "direction" | "tag" | "language" | "sentiment" | "team" | "day" | "hour";
                /** @description The viewer's IANA time zone, for day and hour groups */
                tz?: string;
                /** @description A source, e.g. twitter */
                channel?: string | null;
                direction?: components["schemas"]["Direction"] | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalyticsReport"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    live_snapshot_api_analytics_live_snapshot_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LiveSnapshot"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    live_dashboard_api_analytics_live_get: {
        parameters: {
            query?: {
                /** @description how long the stream stays open; an EventSource reconnects by itself */
                seconds?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-Sent Events: `snapshot` events, each's data one LiveSnapshot as JSON (the schema of GET /api/analytics/live/snapshot): one at once, then one when the figures change and at least every 10 s */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": {
                        /** @enum {string} */
                        event?: "snapshot";
                        /** @description one LiveSnapshot as JSON */
                        data?: string;
                        /** @description the instant the figures were taken */
                        id?: string;
                        /** @description milliseconds an EventSource waits to reconnect */
                        retry?: number;
                    };
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    get_crisis_api_crisis_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CrisisStatus"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    get_crisis_settings_api_crisis_settings_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CrisisSettingsPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    put_crisis_settings_api_crisis_settings_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CrisisSettings"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CrisisSettingsPublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description a team, queue or flow version named does not exist (path: the field) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description a backup team is named as one of its own queues (own_queue) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description saved, but the watch could not be started: Temporal did not answer */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    start_api_crisis_start_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CrisisStart"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CrisisStatus"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description a crisis is on already (crisis_active), or the crisis flow is gone (unknown_flow) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    end_api_crisis_end_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CrisisEnd"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CrisisStatus"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no crisis is on (no_crisis) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    list_reports_api_reports_get: {
        parameters: {
            query?: {
                /** @description which column and which way, e.g. ["id","ASC"] (the default) */
                sort?: string;
                /** @description [first, last] rows, inclusive (default [0,24]); at most 1000 rows come back, as Content-Range says; a range ending before it starts is empty */
                range?: string;
                /** @description each field's value, or a list of values any of which matches; q: text to find */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedReportPublic"][];
                };
            };
            /** @description a list's sort, range or filter is not one this list takes (the path names which) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    create_api_reports_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedReportPublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description a team filter naming a team that is not the caller's */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description saved, but the workflow service did not take its delivery schedule */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    get_report_api_reports__report_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                report_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedReportPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such report, or a private report of someone else */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    delete_api_reports__report_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                report_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedReportPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description someone else's report */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such report, or a private report of someone else */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    change_api_reports__report_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                report_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedReportPublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description someone else's report, or another team in its filter */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such report, or a private report of someone else */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description saved, but the workflow service did not take its delivery schedule */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    deliver_api_reports__report_id__deliver_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                report_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Delivery"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such report, or a private report of someone else */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the report is not scheduled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description saved, but the workflow service did not take its delivery schedule */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    report_result_api_reports__report_id__result_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                report_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalyticsReport"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the report filters by a team that is not the caller's */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such report, or a private report of someone else */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    export_cases_api_exports_cases_get: {
        parameters: {
            query?: {
                /** @description Only rows from this instant (included); none: from the first, e.g. 2026-12-01T00:00:00Z */
                since?: string | null;
                /** @description Only rows before this instant (excluded); none: to the last, e.g. 2026-12-01T00:00:00Z */
                until?: string | null;
                /** @description csv (a header row, then one row a line), jsonl (one JSON object a line) or json (one array) */
                format?: "csv" | "jsonl" | "json";
                team_id?: string | null;
                channel?: string | null;
                priority?: components["schemas"]["Priority"] | null;
                tag?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows, streamed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/x-ndjson": string;
                    "application/json": {
                        [key: string]: components["schemas"]["JsonValue"];
                    }[];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description a team that is not the caller's */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    export_mentions_api_exports_mentions_get: {
        parameters: {
            query?: {
                /** @description Only rows from this instant (included); none: from the first, e.g. 2026-12-01T00:00:00Z */
                since?: string | null;
                /** @description Only rows before this instant (excluded); none: to the last, e.g. 2026-12-01T00:00:00Z */
                until?: string | null;
                /** @description csv (a header row, then one row a line), jsonl (one JSON object a line) or json (one array) */
                format?: "csv" | "jsonl" | "json";
                channel?: string | null;
                direction?: components["schemas"]["Direction"] | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows, streamed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/x-ndjson": string;
                    "application/json": {
                        [key: string]: components["schemas"]["JsonValue"];
                    }[];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    export_report_api_reports__report_id__export_get: {
        parameters: {
            query?: {
                /** @description csv (a header row, then one row a line), jsonl (one JSON object a line) or json (one array) */
                format?: "csv" | "jsonl" | "json";
            };
            header?: never;
            path: {
                report_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows, streamed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/x-ndjson": string;
                    "application/json": {
                        [key: string]: components["schemas"]["JsonValue"];
                    }[];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such report, or a private report of someone else */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    list_events_api_events_get: {
        parameters: {
            query?: {
                /** @description The cursor of the last event you have; 0: from the start */
                after?: number;
                /** @description Comma-separated event types; none: every type */
                types?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPage"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    list_subscriptions_api_subscriptions_get: {
        parameters: {
            query?: {
                /** @description which column and which way, e.g. ["id","ASC"] (the default) */
                sort?: string;
                /** @description [first, last] rows, inclusive (default [0,24]); at most 1000 rows come back, as Content-Range says; a range ending before it starts is empty */
                range?: string;
                /** @description each field's value, or a list of values any of which matches; q: text to find */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionPublic"][];
                };
            };
            /** @description a list's sort, range or filter is not one this list takes (the path names which) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    create_subscription_api_subscriptions_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriptionCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionPublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    get_subscription_api_subscriptions__subscription_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such subscription */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    delete_subscription_api_subscriptions__subscription_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such subscription */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    change_subscription_api_subscriptions__subscription_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriptionChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionPublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such subscription */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    latest_deliveries_api_subscriptions__subscription_id__deliveries_get: {
        parameters: {
            query?: {
                limit?: number;
                /** @description only the tries that failed */
                failed?: boolean;
            };
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryPublic"][];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such subscription */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    list_deliveries_api_subscription_deliveries_get: {
        parameters: {
            query?: {
                /** @description which column and which way, e.g. ["id","ASC"] (the default) */
                sort?: string;
                /** @description [first, last] rows, inclusive (default [0,24]); at most 1000 rows come back, as Content-Range says; a range ending before it starts is empty */
                range?: string;
                /** @description each field's value, or a list of values any of which matches */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryPublic"][];
                };
            };
            /** @description a list's sort, range or filter is not one this list takes (the path names which) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    send_test_api_subscriptions__subscription_id__test_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description no such subscription */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    get_share_of_voice_terms_api_analytics_share_of_voice_terms_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareOfVoiceTermsPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    put_share_of_voice_terms_api_analytics_share_of_voice_terms_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShareOfVoiceTerms"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareOfVoiceTermsPublic"];
                };
            };
            /** @description the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is larger than this route takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description the request does not fit: each problem with its path in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    delete_share_of_voice_terms_api_analytics_share_of_voice_terms_delete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareOfVoiceTermsPublic"];
                };
            };
            /** @description not logged in, or the session or token is no longer valid (the code says which) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description logged in, but the role, token scope or team does not allow this (the message names what is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    health_api_health_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    metrics_api_metrics_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
}
