"""Scale-out: the same per-article function (`sitrep.pipeline.extract_article`) run on a Ray cluster.

`sitrep extract --engine ray` calls `ray_engine.extract_with_ray(paths)`; the store's `ingest --engine ray`
can stream articles through `ray_engine.extract_batches_with_ray(articles)`. Ray is an optional extra
(`pip install 'sitrep[ray]'`): nothing here imports it until an engine function is called.
"""
from __future__ import annotations

__all__ = ["extract_with_ray", "extract_batches_with_ray", "RayUnavailable"]


def __getattr__(name: str):
    # Lazy: `import sitrep.scale` must work (and be cheap) without Ray installed.
    if name in __all__:
        from sitrep.scale import ray_engine

        return getattr(ray_engine, name)
    raise AttributeError(name)
