/* Stub of the vendor SDK header: only what the template uses, for a syntax check here (no SDK installed). */
#include <stdint.h>
#include <stddef.h>
struct SerialStub { void begin(long); size_t write(const uint8_t *, size_t); int available(); int read(); };
extern SerialStub Serial;
unsigned long micros();
