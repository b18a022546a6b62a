/*
 * Build-only stand-in for Windows' icuuc.dll, for building and smoke-testing TDCS under Wine.
 *
 * PySide6's Qt6Core.dll imports the ucnv_* character-converter functions from the ICU that
 * Windows 10 (1903 and later) ships as C:\Windows\System32\icuuc.dll. Wine has no such DLL,
 * so without this file Qt6Core.dll does not load under Wine: PyInstaller then cannot ask Qt
 * where its plugins are and builds a bundle without them, and the frozen TDCS cannot start.
 *
 * Every converter fails to open, which Qt handles as "this codec is not available" and
 * falls back on its own UTF-8/UTF-16/Latin-1 converters (all TDCS uses). The other functions
 * are never reached without an open converter; they exist because the loader needs every
 * imported name to resolve.
 *
 * This DLL goes only into the Wine prefix of packaging/build-windows.sh. It is never bundled
 * (packaging/tdcs.spec drops any icuuc.dll, and the build script checks the bundle), since a
 * real Windows machine has the real one.
 */
#include <stddef.h>
#include <stdint.h>

#define EXPORT __declspec(dllexport)
typedef int UErrorCode;
/* ICU's U_FILE_ACCESS_ERROR: "the requested converter data could not be found". */
#define U_FILE_ACCESS_ERROR 4

static void fail(UErrorCode *err)
{
    if (err != NULL && *err <= 0)
        *err = U_FILE_ACCESS_ERROR;
}

EXPORT void *ucnv_open(const char *name, UErrorCode *err) { (void)name; fail(err); return NULL; }
EXPORT void ucnv_close(void *cnv) { (void)cnv; }
EXPORT void ucnv_reset(void *cnv) { (void)cnv; }
EXPORT int8_t ucnv_getMaxCharSize(const void *cnv) { (void)cnv; return 1; }
EXPORT const char *ucnv_getName(const void *cnv, UErrorCode *err) { (void)cnv; fail(err); return ""; }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err)
{
    (void)name; (void)standard; fail(err); return NULL;
}
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT void ucnv_getToUCallBack(const void *cnv, void **action, const void **context)
{
    (void)cnv; if (action) *action = NULL; if (context) *context = NULL;
}
EXPORT void ucnv_getFromUCallBack(const void *cnv, void **action, const void **context)
{
    (void)cnv; if (action) *action = NULL; if (context) *context = NULL;
}
EXPORT void ucnv_setToUCallBack(void *cnv, void *action, const void *context, void **old_action,
                                const void **old_context, UErrorCode *err)
{
    (void)cnv; (void)action; (void)context; (void)old_action; (void)old_context; fail(err);
}
EXPORT void ucnv_setFromUCallBack(void *cnv, void *action, const void *context, void **old_action,
                                  const void **old_context, UErrorCode *err)
{
    (void)cnv; (void)action; (void)context; (void)old_action; (void)old_context; fail(err);
}
EXPORT void ucnv_toUnicode(void *cnv, void **target, const void *target_limit, const char **source,
                           const char *source_limit, int32_t *offsets, int8_t flush, UErrorCode *err)
{
    (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit;
    (void)offsets; (void)flush; fail(err);
}
EXPORT void ucnv_fromUnicode(void *cnv, char **target, const char *target_limit, const void **source,
                             const void *source_limit, int32_t *offsets, int8_t flush, UErrorCode *err)
{
    (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit;
    (void)offsets; (void)flush; fail(err);
}
EXPORT int32_t ucnv_toUCountPending(const void *cnv, UErrorCode *err) { (void)cnv; fail(err); return 0; }
EXPORT int32_t ucnv_fromUCountPending(const void *cnv, UErrorCode *err) { (void)cnv; fail(err); return 0; }
EXPORT void ucnv_cbToUWriteUChars(void *args, const void *source, int32_t length, int32_t offset,
                                  UErrorCode *err)
{
    (void)args; (void)source; (void)length; (void)offset; fail(err);
}
EXPORT void ucnv_cbFromUWriteUChars(void *args, const void **source, const void *source_limit,
                                    int32_t offset, UErrorCode *err)
{
    (void)args; (void)source; (void)source_limit; (void)offset; fail(err);
}
/* ICU's ready-made callbacks, passed by address to ucnv_set*CallBack. */
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const void *code_units,
                                            int32_t length, int32_t code_point, int reason,
                                            UErrorCode *err)
{
    (void)context; (void)args; (void)code_units; (void)length; (void)code_point; (void)reason;
    fail(err);
}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const char *code_units,
                                          int32_t length, int reason, UErrorCode *err)
{
    (void)context; (void)args; (void)code_units; (void)length; (void)reason; fail(err);
}
