/* A small model using every op, for the blob, protocol and fuzz tests (and fuzz seeds):
 * (8,8,2) conv3x3 SAME relu -> (8,8,4) maxpool2 -> (4,4,4) depthwise3x3 SAME -> (4,4,4)
 * avgpool2 -> (2,2,4) reshape -> (16) fully connected -> (5) softmax -> (5). */
#ifndef SAMPLE_MODEL_H
#define SAMPLE_MODEL_H

#include "../runtime/tm_model.h"

#define SAMPLE_TENSORS 8
#define SAMPLE_OPS 7

const tm_model *sample_model(void);

/* Runs the sample as generated code would: one kernel call per op (call sample_model() first). */
void sample_invoke_straight(int8_t *arena);

#endif
