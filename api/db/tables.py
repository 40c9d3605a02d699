"""Imports every table so SQLModel.metadata is complete (for migrations and tests)."""

from sqlmodel import SQLModel

from api.audit.models import CaseEvent
from api.auth.models import ApiToken, User, UserSession
from api.cases.models import Case
from api.customers.models import Customer, CustomerIdentity
from api.discovery.models import Conversation
from api.experts.models import Expert, ExpertRequest
from api.flows.models import Flow, FlowDraft
from api.mentions.models import Mention
from api.routing.models import CaseRouting
from api.routing.presence import CasePresence
from api.sources import Source
from api.teams.models import Agent, Team

metadata = SQLModel.metadata

__all__ = ["Agent", "ApiToken", "Case", "CaseEvent", "CasePresence", "CaseRouting", "Conversation", "Customer",
           "CustomerIdentity", "Expert", "ExpertRequest", "Flow", "FlowDraft", "Mention", "Source", "Team", "User",
           "UserSession", "metadata"]
