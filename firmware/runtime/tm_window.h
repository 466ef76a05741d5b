/* The window of one output cell of a windowed op (conv, depthwise conv, pools): its top-left input
 * cell, above or left of the input in padding, and the window rows and columns inside the input
 * (TFLM's filter_y_start/end, filter_x_start/end). */
#ifndef TM_WINDOW_H
#define TM_WINDOW_H

#include "tm_model.h"

typedef struct {
    int32_t y_origin, x_origin; /* input cell under window cell (0, 0) */
    int32_t y_start, y_end;     /* window rows [y_start, y_end) lie inside the input */
    int32_t x_start, x_end;     /* window columns [x_start, x_end) lie inside the input */
} tm_window;

static inline tm_window tm_window_at(const tm_op *op, int32_t in_h, int32_t in_w, int32_t oy, int32_t ox)
{
    tm_window win;
    win.y_origin = oy * op->stride_h - op->pad_top;
    win.x_origin = ox * op->stride_w - op->pad_left;
    win.y_start = win.y_origin < 0 ? -win.y_origin : 0;
    win.y_end = in_h - win.y_origin < op->kernel_h ? in_h - win.y_origin : op->kernel_h;
    win.x_start = win.x_origin < 0 ? -win.x_origin : 0;
    win.x_end = in_w - win.x_origin < op->kernel_w ? in_w - win.x_origin : op->kernel_w;
    return win;
}

#endif
