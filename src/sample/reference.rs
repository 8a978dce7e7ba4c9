//! The ten-year reference data set (to come).
