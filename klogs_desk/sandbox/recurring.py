"""Placeholder router; replaced by its owner."""

from fastapi import APIRouter

from .state import SandboxState


def build_router(state: SandboxState) -> APIRouter:
    return APIRouter()
