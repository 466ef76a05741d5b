// Prints tflm-random.txt from TensorFlow Lite Micro's own code (see README.md). Build from a tflite-micro
// checkout (commit 90b983c) with gemmlowp's fixedpoint/ on the include path:
//   g++ -O1 -std=c++17 -I<tflite-micro> -I<gemmlowp> tflm-random-harness.cc \
//       <tflite-micro>/tensorflow/lite/kernels/internal/{quantization_util,common}.cc -o harness
// then keep the first few hundred lines of each kind.
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <cmath>
#include <vector>
#include <random>
#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/quantization_util.h"
#include "tensorflow/lite/kernels/internal/reference/softmax.h"
#include "tensorflow/lite/kernels/internal/reference/integer_ops/conv.h"
#include "tensorflow/lite/kernels/internal/reference/integer_ops/depthwise_conv.h"
#include "tensorflow/lite/kernels/internal/reference/integer_ops/fully_connected.h"
#include "tensorflow/lite/kernels/internal/reference/integer_ops/pooling.h"

using namespace tflite;
RuntimeShape S(std::initializer_list<int32_t> d) { std::vector<int32_t> v(d); return RuntimeShape((int)v.size(), v.data()); }
std::mt19937 rng(12345);
int ri(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
float rf(float lo, float hi) { return std::uniform_real_distribution<float>(lo, hi)(rng); }
void pb(const std::vector<int8_t>& v) { printf(" |"); for (auto x : v) printf(" %d", x); }
void pi(const std::vector<int32_t>& v) { printf(" |"); for (auto x : v) printf(" %d", x); }
std::vector<int8_t> rbytes(int n) { std::vector<int8_t> v(n); for (auto& x : v) x = ri(-128, 127); return v; }

int main() {
  for (int i = 0; i < 20000; i++) {
    double m = std::ldexp(std::uniform_real_distribution<double>(0.5, 1.0)(rng), ri(-40, 20));
    if (i % 10 == 0) m = std::ldexp(1.0 - std::ldexp(1.0, -ri(30, 52)), ri(-33, 5));
    int32_t q; int s; QuantizeMultiplier(m, &q, &s);
    printf("QM %a %d %d\n", m, q, s);
  }
  for (int i = 0; i < 50000; i++) {
    int s = ri(-31, 30);
    int32_t m = i % 7 == 0 ? ri(0, 2147483647) : ri(1 << 30, 2147483647);
    int64_t bound = s > 0 ? (2147483647LL >> s) : 2147483647LL;
    int32_t x = (int32_t)(std::uniform_int_distribution<int64_t>(-bound, bound)(rng));
    if (i % 11 == 0) x = ri(-2000, 2000);
    printf("MBQM %d %d %d %d\n", x, m, s, MultiplyByQuantizedMultiplier(x, m, s));
    int32_t a = (int32_t)rng(), b = (int32_t)rng();
    printf("SRDHM %d %d %d\n", a, b, gemmlowp::SaturatingRoundingDoublingHighMul(a, b));
    int e = ri(0, 31);
    printf("RDBPOT %d %d %d\n", a, e, gemmlowp::RoundingDivideByPOT(a, e));
  }
  for (int i = 0; i < 3000; i++) {
    float scale = std::exp(rf(std::log(0.001f), std::log(2.0f)));
    int depth = ri(1, 20);
    SoftmaxParams p;
    int32_t mult; int shift;
    PreprocessSoftmaxScaling(1.0, (double)scale, 5, &mult, &shift);
    p.input_multiplier = mult; p.input_left_shift = shift;
    p.diff_min = -1.0 * CalculateInputRadius(5, shift);
    auto in = rbytes(depth);
    if (i % 3 == 0) for (auto& x : in) x = ri(60, 127);
    std::vector<int8_t> out(depth);
    RuntimeShape sh = S({1, depth});
    reference_ops::Softmax(p, sh, in.data(), sh, out.data());
    printf("SOFTMAX %a %d %d %d", scale, mult, shift, p.diff_min); pb(in); pb(out); printf("\n");
  }
  for (int i = 0; i < 600; i++) {
    int h = ri(1, 7), w = ri(1, 7), cin = ri(1, 3), cout = ri(1, 3), kh = ri(1, 3), kw = ri(1, 3), sh = ri(1, 2), sw = ri(1, 2);
    bool same = ri(0, 1);
    int oh = same ? (h + sh - 1) / sh : (h - kh + sh) / sh;
    int ow = same ? (w + sw - 1) / sw : (w - kw + sw) / sw;
    if (oh <= 0 || ow <= 0) continue;
    int pt = same ? std::max(0, ((oh - 1) * sh + kh - h) / 2) : 0;
    int pl = same ? std::max(0, ((ow - 1) * sw + kw - w) / 2) : 0;
    int inzp = ri(-128, 127), outzp = ri(-128, 127), amin = ri(-128, 0), amax = ri(0, 127);
    auto in = rbytes(h * w * cin);
    auto depthwise = i % 2 == 1;
    if (depthwise) cout = cin;
    auto filt = rbytes(depthwise ? kh * kw * cin : cout * kh * kw * cin);
    for (auto& f : filt) if (f == -128) f = -127;
    std::vector<int32_t> bias(cout), mult(cout), shift(cout);
    for (int c = 0; c < cout; c++) { bias[c] = ri(-5000, 5000); int s; QuantizeMultiplier(std::ldexp(rf(0.5f, 1.0f), ri(-12, -4)), &mult[c], &s); shift[c] = s; }
    std::vector<int8_t> out(oh * ow * cout);
    if (depthwise) {
      DepthwiseParams p{}; p.stride_height = sh; p.stride_width = sw; p.dilation_height_factor = 1; p.dilation_width_factor = 1;
      p.padding_values.height = pt; p.padding_values.width = pl; p.depth_multiplier = 1; p.input_offset = -inzp; p.output_offset = outzp;
      p.quantized_activation_min = amin; p.quantized_activation_max = amax;
      reference_integer_ops::DepthwiseConvPerChannel(p, mult.data(), shift.data(), S({1, h, w, cin}), in.data(),
          S({1, kh, kw, cout}), filt.data(), S({cout}), bias.data(), S({1, oh, ow, cout}), out.data());
    } else {
      ConvParams p{}; p.stride_height = sh; p.stride_width = sw; p.dilation_height_factor = 1; p.dilation_width_factor = 1;
      p.padding_values.height = pt; p.padding_values.width = pl; p.input_offset = -inzp; p.output_offset = outzp;
      p.quantized_activation_min = amin; p.quantized_activation_max = amax;
      reference_integer_ops::ConvPerChannel(p, mult.data(), shift.data(), S({1, h, w, cin}), in.data(),
          S({cout, kh, kw, cin}), filt.data(), S({cout}), bias.data(), S({1, oh, ow, cout}), out.data());
    }
    printf("%s %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d", depthwise ? "DW" : "CONV", h, w, cin, cout, kh, kw, sh, sw, pt, pl, oh, ow, inzp, outzp, amin, amax);
    pb(in); pb(filt); pi(bias); pi(mult); pi(shift); pb(out); printf("\n");
    // pooling on the same input
    PoolParams pp{}; pp.stride_height = sh; pp.stride_width = sw; pp.filter_height = kh; pp.filter_width = kw;
    pp.padding_values.height = pt; pp.padding_values.width = pl; pp.quantized_activation_min = -128; pp.quantized_activation_max = 127;
    std::vector<int8_t> avg(oh * ow * cin), mx(oh * ow * cin);
    reference_integer_ops::AveragePool(pp, S({1, h, w, cin}), in.data(), S({1, oh, ow, cin}), avg.data());
    reference_integer_ops::MaxPool(pp, S({1, h, w, cin}), in.data(), S({1, oh, ow, cin}), mx.data());
    printf("POOL %d %d %d %d %d %d %d %d %d %d %d", h, w, cin, kh, kw, sh, sw, pt, pl, oh, ow);
    pb(in); pb(avg); pb(mx); printf("\n");
  }
  for (int i = 0; i < 500; i++) {
    int n = ri(1, 64), m = ri(1, 10);
    int inzp = ri(-128, 127), outzp = ri(-128, 127), amin = ri(-128, 0), amax = ri(0, 127);
    auto in = rbytes(n); auto filt = rbytes(n * m);
    for (auto& f : filt) if (f == -128) f = -127;
    std::vector<int32_t> bias(m), mult(m), shift(m);
    for (int c = 0; c < m; c++) { bias[c] = ri(-5000, 5000); int s; QuantizeMultiplier(std::ldexp(rf(0.5f, 1.0f), ri(-12, -4)), &mult[c], &s); shift[c] = s; }
    std::vector<int8_t> out(m);
    FullyConnectedParams p{}; p.input_offset = -inzp; p.output_offset = outzp; p.weights_offset = 0;
    p.quantized_activation_min = amin; p.quantized_activation_max = amax;
    reference_integer_ops::FullyConnectedPerChannel(p, mult.data(), shift.data(), S({1, n}), in.data(),
        S({m, n}), filt.data(), S({m}), bias.data(), S({1, m}), out.data());
    printf("FC %d %d %d %d %d %d", n, m, inzp, outzp, amin, amax);
    pb(in); pb(filt); pi(bias); pi(mult); pi(shift); pb(out); printf("\n");
  }
}
