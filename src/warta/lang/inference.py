"""Prediction through the shipped model's thinc layers with fewer passes over memory, same floats.

The shared tok2vec is the largest cost of the language layer, and a little under half of it is not
its matrix products but what thinc does around them, written for training as much as for
prediction: ``maxout`` finds and records which piece won, one element at a time, for the backward
pass; ``layernorm`` computes the mean twice and allocates five arrays. ``accelerate(nlp)`` gives
the layers of those kinds a forward that, when predicting, computes the same values with fewer
whole-array numpy operations, in the same order and precision, so that every float is bit for bit
the one thinc's forward gives (``tests/lang/test_inference.py``; the records of ``warta extract``
are the same bytes). Training (``is_train``) goes through thinc's own forward.

- ``maxout``: the same matrix product and bias, then ``numpy.maximum`` over the pieces. It gives
  thinc's value (the first piece, replaced only by a strictly greater one) except where the best
  is a zero (``+0.0`` against ``-0.0``) or a NaN; a batch that holds one goes through thinc's maxout.
- ``layernorm``: the moments as ``X.mean(axis=1)`` and ``X.var(axis=1) + 1e-08`` compute them, with
  the deviation from the mean computed once (``var`` computed the mean again), then the same
  scaling and shift, in place.
- ``residual``: the sum written into the block's fresh output instead of a new array.

thinc's C loops for the window (``seq2col``) and the hash embeddings (``gather_add``) were measured
against numpy slices and ``take``: they are faster, and are kept.
"""

from __future__ import annotations

from importlib import import_module
from typing import Callable

import numpy
from thinc.api import Model

# the modules (``thinc.layers`` exports functions of the same names)
_layernorm = import_module("thinc.layers.layernorm")
_maxout = import_module("thinc.layers.maxout")
_residual = import_module("thinc.layers.residual")


def _no_backprop(_d):
    raise RuntimeError("warta.lang.inference: a prediction-only forward has no backward pass")


def maxout_forward(model: Model, X, is_train: bool):
    """thinc's ``maxout`` forward (``thinc.layers.maxout.forward``) when predicting."""
    if is_train:
        return _maxout.forward(model, X, is_train)
    nO = model.get_dim("nO")
    nP = model.get_dim("nP")
    nI = model.get_dim("nI")
    W = model.ops.reshape2f(model.get_param("W"), nO * nP, nI)
    Y = model.ops.gemm(X, W, trans2=True)
    Y += model.ops.reshape1f(model.get_param("b"), nO * nP)
    Z = model.ops.reshape3f(Y, Y.shape[0], nO, nP)
    if nP == 1 or not len(Z):
        return model.ops.maxout(Z)[0], _no_backprop
    best = numpy.maximum(Z[:, :, 0], Z[:, :, 1])
    for piece in range(2, nP):
        numpy.maximum(best, Z[:, :, piece], out=best)
    if not numpy.abs(best).min() > 0:  # a zero (+0.0 against -0.0) or a NaN: thinc's rule decides
        best = model.ops.maxout(Z)[0]
    return best, _no_backprop


def layernorm_forward(model: Model, X, is_train: bool):
    """thinc's ``layernorm`` forward when predicting: ``(X - mu) * var ** -0.5 * G + b``, with the
    moments as ``X.mean(axis=1)`` and ``X.var(axis=1) + 1e-08`` give them."""
    if is_train or not isinstance(X, numpy.ndarray) or X.ndim != 2 or X.dtype != numpy.float32:
        return _layernorm.forward(model, X, is_train)
    count = numpy.intp(X.shape[1])  # what numpy's _mean and _var divide by
    mu = X.mean(axis=1, keepdims=True)
    dist = numpy.subtract(X, mu)
    squares = numpy.square(dist)
    var = numpy.add.reduce(squares, axis=1, keepdims=True)
    numpy.true_divide(var, count, out=var, casting="unsafe")
    var += 1e-08
    scale = var ** (-1.0 / 2.0)
    numpy.multiply(dist, scale, out=dist)
    numpy.multiply(dist, model.get_param("G"), out=dist)
    dist += model.get_param("b")
    return dist, _no_backprop


def residual_forward(model: Model, X, is_train: bool):
    """thinc's ``residual`` forward when predicting on a plain array: ``Y + X`` into the block's output."""
    if is_train or not isinstance(X, numpy.ndarray):
        return _residual.forward(model, X, is_train)
    Y, _ = model.layers[0](X, is_train)
    if not isinstance(Y, numpy.ndarray) or Y.base is not None or Y.shape != X.shape or Y.dtype != X.dtype:
        return X + Y, _no_backprop
    Y += X
    return Y, _no_backprop


FORWARDS: dict[Callable, Callable] = {
    _maxout.forward: maxout_forward,
    _layernorm.forward: layernorm_forward,
    _residual.forward: residual_forward,
}


def accelerate(nlp) -> int:
    """Give every layer of ``nlp``'s trained components whose forward is one of thinc's in
    ``FORWARDS`` the prediction forward above; the number of layers changed."""
    changed = 0
    for _name, component in nlp.components:
        model = getattr(component, "model", None)
        if not isinstance(model, Model):
            continue
        for node in model.walk():
            faster = FORWARDS.get(node._func)
            if faster is not None:
                node._func = faster
                changed += 1
    return changed
