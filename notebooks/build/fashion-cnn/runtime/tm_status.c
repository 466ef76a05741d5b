#include "tm_status.h"

const char *tm_status_name(tm_status status)
{
    static const char *const names[] = {
        "ok", "blob too short", "bad magic", "unsupported version", "size mismatch",
        "blob CRC mismatch", "reserved field not zero", "tensor or op count out of range",
        "bad tensor index", "bad tensor shape", "zero point out of range",
        "arena larger than the board's", "tensor outside the arena", "unknown op code",
        "bad window", "bad activation range", "parameter count mismatch",
        "array outside the data section", "shift out of range", "shapes do not fit the op",
        "tensor read before written or written twice", "arena regions overlap",
        "bad softmax parameters"
    };
    if ((unsigned)status < sizeof names / sizeof names[0]) {
        return names[status];
    }
    return "unknown status";
}
