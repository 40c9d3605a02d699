"""Flows: one JSON document binding rule sets to lifecycle stages."""

from engine.flows.compiled import CompiledFlow, compile_flow
from engine.flows.document import FlowDocument, FlowError, flow_version, validate_flow

__all__ = ["CompiledFlow", "FlowDocument", "FlowError", "compile_flow", "flow_version", "validate_flow"]
