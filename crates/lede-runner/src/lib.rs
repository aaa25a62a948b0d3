//! lede-runner (skeleton)
