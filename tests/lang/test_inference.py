"""The prediction forwards of ``warta.lang.inference`` give thinc's floats bit for bit."""

import numpy
import pytest
from thinc.api import LayerNorm, Maxout, NumpyOps, chain, expand_window, residual, use_ops

from warta.lang import inference

TEXTS = [
    "Menteri Luar Negeri Retno Marsudi bertemu Duta Besar Jepang di Jakarta, Senin (3/6/2024).",
    "Harga cabai rawit naik tajam menjelang Lebaran, kata pedagang di Pasar Induk Kramat Jati.",
    "Tim SAR gabungan masih mencari dua korban yang hilang setelah banjir bandang melanda desa itu.",
    "\"Kami akan menindaklanjuti laporan warga,\" ujar Kapolres kepada wartawan.",
]


def bits(array) -> numpy.ndarray:
    return numpy.ascontiguousarray(array).view(numpy.uint32)


def thinc_forward(model, X):
    """``model``'s prediction through thinc's own forwards, whatever ``accelerate`` set."""
    original = {fast: slow for slow, fast in inference.FORWARDS.items()}
    swapped = [(node, node._func) for node in model.walk() if node._func in original]
    for node, fast in swapped:
        node._func = original[fast]
    try:
        return model.predict(X)
    finally:
        for node, fast in swapped:
            node._func = fast


def block(width: int = 24, pieces: int = 3, seed: int = 0):
    """A residual maxout block as spaCy's window encoder builds it, initialised at random."""
    with use_ops("numpy", use_blis=False):
        model = residual(chain(expand_window(1), Maxout(width, width * 3, nP=pieces), LayerNorm(width)))
    X = numpy.random.default_rng(seed).standard_normal((50, width)).astype("float32")
    model.initialize(X=X)
    for node in model.walk():  # biases and scales that are not the initial 0 and 1
        for name in ("b", "G"):
            if node.has_param(name):
                node.set_param(name, node.get_param(name) + numpy.random.default_rng(seed).standard_normal(
                    node.get_param(name).shape).astype("float32"))
    return model, X


def accelerated(model):
    for node in model.walk():
        fast = inference.FORWARDS.get(node._func)
        if fast is not None:
            node._func = fast
    return model


@pytest.mark.parametrize("pieces", [2, 3])
def test_a_block_predicts_the_same_floats(pieces):
    model, X = block(pieces=pieces)
    expected = thinc_forward(model, X)
    accelerated(model)
    assert bits(model.predict(X)).tolist() == bits(expected).tolist()


def test_large_and_shifted_inputs_give_the_same_floats():
    model, _ = block(width=96, seed=3)
    X = (numpy.random.default_rng(4).standard_normal((2000, 96)) * 50 + 7).astype("float32")
    expected = thinc_forward(model, X)
    assert bits(accelerated(model).predict(X)).tolist() == bits(expected).tolist()


class Products(NumpyOps):
    """Ops whose matrix product is a given array: the pieces a maxout layer compares."""

    def __init__(self, products):
        super().__init__(use_blis=False)
        self.products = products

    def gemm(self, x, y, out=None, trans1=False, trans2=False):
        return self.products.copy()


def test_a_signed_zero_tie_is_decided_as_thinc_decides_it():
    # thinc keeps the first piece unless a later one is strictly greater: of -0.0 and +0.0, the first
    model = Maxout(2, 2, nP=2)
    model.initialize(X=numpy.zeros((1, 2), dtype="float32"))
    model.set_param("b", numpy.full((2, 2), -0.0, dtype="float32"))  # -0.0 + x is x, signs included
    model.ops = Products(numpy.array([[-0.0, 0.0, 0.0, -0.0]] * 3, dtype="float32"))
    X = numpy.ones((3, 2), dtype="float32")
    expected = thinc_forward(model, X)
    assert numpy.signbit(expected[:, 0]).all() and not numpy.signbit(expected[:, 1]).any()
    assert bits(accelerated(model).predict(X)).tolist() == bits(expected).tolist()


def test_a_nan_piece_is_decided_as_thinc_decides_it():
    with use_ops("numpy", use_blis=False):
        model = Maxout(2, 2, nP=3)
    model.initialize(X=numpy.zeros((1, 2), dtype="float32"))
    b = numpy.array([[1.0, numpy.nan, 0.5], [numpy.nan, 2.0, 3.0]], dtype="float32")
    model.set_param("W", numpy.zeros((2, 3, 2), dtype="float32"))
    model.set_param("b", b)
    X = numpy.ones((2, 2), dtype="float32")
    expected = thinc_forward(model, X)  # [1.0, nan]: a NaN never beats the first piece, nor is beaten
    assert expected[0, 0] == 1.0 and numpy.isnan(expected[0, 1])
    assert bits(accelerated(model).predict(X)).tolist() == bits(expected).tolist()


def test_training_goes_through_thinc():
    model, X = block(seed=5)
    accelerated(model)
    Y, backprop = model.begin_update(X)
    assert backprop(numpy.ones_like(Y)).shape == X.shape


def test_the_shipped_tok2vec_gives_the_same_floats(nlp):
    docs = [nlp.make_doc(text) for text in TEXTS]
    model = nlp.get_pipe("tok2vec").model
    assert any(node._func in inference.FORWARDS.values() for node in model.walk())  # accelerated at load
    expected = thinc_forward(model, docs)
    got = model.predict(docs)
    assert [bits(a).tolist() for a in got] == [bits(a).tolist() for a in expected]


def test_the_shipped_entities_are_the_same(nlp):
    # the whole pipeline once with thinc's forwards, once with the accelerated ones
    original = {fast: slow for slow, fast in inference.FORWARDS.items()}
    nodes = [node for _, component in nlp.components if hasattr(component, "model")
             for node in component.model.walk() if node._func in original]
    fast = [node._func for node in nodes]
    try:
        for node in nodes:
            node._func = original[node._func]
        expected = [[(e.start, e.end, e.label_) for e in doc.ents] + [t.pos_ for t in doc] for doc in nlp.pipe(TEXTS)]
    finally:
        for node, func in zip(nodes, fast):
            node._func = func
    got = [[(e.start, e.end, e.label_) for e in doc.ents] + [t.pos_ for t in doc] for doc in nlp.pipe(TEXTS)]
    assert got == expected
