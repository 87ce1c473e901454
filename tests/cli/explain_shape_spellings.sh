# --input-shape accepts (None,512), (None, 512), None,512 and () for a scalar.
source "$(dirname "$0")/lib/common.bash" "$@"

lamina explain --expr 'x + 1' --input-shape 'x=(None,512)' --emit ir
expect_status 0
cp out.txt first.txt
for spelling in 'x=(None, 512)' 'x=None,512' 'x= ( None , 512 , ) '; do
  lamina explain --expr 'x + 1' --input-shape "$spelling" --emit ir
  expect_status 0
  cmp -s out.txt first.txt || fail "--input-shape '$spelling' gives a different IR"
done

lamina explain --expr 'x + 1' --input-shape 'x=()' --emit ir
expect_status 0
expect_stdout "float32()"
