"""Imports every table so SQLModel.metadata is complete (for migrations and tests)."""

from sqlmodel import SQLModel

from store.accounts import ApiToken, User, UserSession
from store.audit import AuditCheckpoint, AuditEntry, AuditHead, AuditPurge
from store.canned_replies import CannedReply
from store.case_events import CaseEvent
from store.cases import Case
from store.conversations import Conversation
from store.crisis import CrisisConfig, CrisisEvent, CrisisState
from store.customers import Customer, CustomerIdentity
from store.deadlines import SlaDeadline
from store.events_out import EventOut
from store.experts import Expert, ExpertRequest
from store.flows import Flow, FlowDraft
from store.mention_rollup import MentionRollup, MentionRollupDelta
from store.mentions import Mention
from store.notifications import NotificationRead
from store.outbox import OutboxEntry
from store.presence import CasePresence
from store.reports import SavedReport
from store.rollups import CaseRollup, CaseRollupPending, CaseRollupSeen
from store.routing.models import CaseRouting, QueueGuest
from store.share_of_voice import ShareOfVoiceConfig
from store.sources import Source
from store.subscriptions import Delivery, Subscription
from store.teams import Agent, Team
from store.voice_rollup import VoiceRollup, VoiceRollupPending, VoiceRollupState

metadata = SQLModel.metadata

__all__ = ["Agent", "ApiToken", "AuditCheckpoint", "AuditEntry", "AuditHead", "AuditPurge", "CannedReply", "Case",
           "CaseEvent", "CasePresence", "CaseRollup", "CaseRollupPending", "CaseRollupSeen", "CaseRouting",
           "Conversation", "CrisisConfig", "CrisisEvent", "CrisisState", "Customer", "CustomerIdentity", "Delivery",
           "EventOut", "Expert", "ExpertRequest", "Flow", "FlowDraft", "Mention", "MentionRollup", "MentionRollupDelta",
           "NotificationRead", "OutboxEntry", "QueueGuest", "SavedReport", "ShareOfVoiceConfig", "SlaDeadline",
           "Source", "Subscription", "Team", "User", "UserSession", "VoiceRollup", "VoiceRollupPending",
           "VoiceRollupState", "metadata"]
