/* Runs a checked model in a caller-provided arena. */
#ifndef TM_INTERP_H
#define TM_INTERP_H

#include "tm_model.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Runs op `index` of the model: reads its input tensor from the arena, writes its output. */
void tm_run_op(const tm_model *model, uint16_t index, int8_t *arena);

/* Runs every op in order. Write the input first at tm_input_data, read tm_output_data after. */
void tm_invoke(const tm_model *model, int8_t *arena);

int8_t *tm_input_data(const tm_model *model, int8_t *arena);
const int8_t *tm_output_data(const tm_model *model, const int8_t *arena);

#ifdef __cplusplus
}
#endif

#endif
