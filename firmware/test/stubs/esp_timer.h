/* Stub of the vendor SDK header: only what the template uses, for a syntax check here (no SDK installed). */
#include <stdint.h>
int64_t esp_timer_get_time(void);
