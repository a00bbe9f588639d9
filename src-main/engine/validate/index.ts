// Human validation of a classification run (paper Appendix C): sample, packet, labels, report, and
// shares corrected for the measured misclassification.
export * from './types';
export { sampleItems, eligibleItems, allocate, DEFAULT_SAMPLE_SIZE, type SampleOptions } from './sample';
export { buildPacket, exportPacket, storePacket, itemIdFor, pathWithOptions, type PacketOptions } from './packet';
export { redactText } from './redact';
export { readLabelFile, importLabelFiles, loadPacket, type LabelImportSummary } from './labels';
export { wilson, cohenKappa, krippendorffAlpha, confusionMatrix, Z95 } from './stats';
export { validationReport, majority } from './report';
export { correctShares, correctedPatternShares, solve, iterativeBayesian } from './corrected';
