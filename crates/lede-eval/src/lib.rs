//! lede-eval: scores predicted documents against gold annotations. (Not yet implemented.)
