# The installable package: one shared library, liblamina.so.MAJOR.MINOR.PATCH (SONAME
# liblamina.so.MAJOR), made of every area's objects (each area registers itself through
# lamina_area() in CMakeLists.txt, so new areas join it without edits here). It exports
# only what include/lamina/ marks LAMINA_API; fmt and LLVM are private dependencies.
# Installs the library, the public headers, the `lamina` tool (see CMakeLists.txt),
# LaminaConfig.cmake (find_package(Lamina) → Lamina::lamina) and lamina.pc.

include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set_property(GLOBAL PROPERTY LAMINA_PACKAGED ON)
get_property(LAMINA_AREAS GLOBAL PROPERTY LAMINA_AREAS)

add_library(lamina_shared SHARED)
add_library(Lamina::lamina ALIAS lamina_shared)
foreach(area ${LAMINA_AREAS})
  target_sources(lamina_shared PRIVATE $<TARGET_OBJECTS:${area}>)
endforeach()
# For the areas' own dependencies (fmt, LLVM): their objects are all in already, so the
# linker takes nothing more from their archives.
target_link_libraries(lamina_shared PRIVATE ${LAMINA_AREAS})
target_include_directories(lamina_shared PUBLIC
  $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
target_compile_features(lamina_shared PUBLIC cxx_std_20)  # the C++ headers; C hosts need only C99
target_link_options(lamina_shared PRIVATE -Wl,--version-script=${CMAKE_CURRENT_LIST_DIR}/liblamina.map)
if(NOT (LAMINA_SANITIZE OR LAMINA_TSAN OR LAMINA_FUZZ))  # clang leaves sanitizer runtimes to the executable
  target_link_options(lamina_shared PRIVATE -Wl,--no-undefined)
endif()
set_property(TARGET lamina_shared APPEND PROPERTY LINK_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/liblamina.map)
set_target_properties(lamina_shared PROPERTIES
  OUTPUT_NAME lamina
  EXPORT_NAME lamina
  VERSION ${PROJECT_VERSION}
  SOVERSION ${PROJECT_VERSION_MAJOR}
  LINKER_LANGUAGE CXX
  INSTALL_RPATH_USE_LINK_PATH ON)  # finds libLLVM where it was linked from

install(TARGETS lamina_shared EXPORT LaminaTargets LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/lamina DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(LAMINA_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/Lamina)
install(EXPORT LaminaTargets NAMESPACE Lamina:: DESTINATION ${LAMINA_CMAKE_DIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/LaminaConfig.cmake.in
  ${PROJECT_BINARY_DIR}/LaminaConfig.cmake INSTALL_DESTINATION ${LAMINA_CMAKE_DIR})
# 0.x releases keep the C ABI within a major version, as the SONAME says.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/LaminaConfigVersion.cmake COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/LaminaConfig.cmake ${PROJECT_BINARY_DIR}/LaminaConfigVersion.cmake
  DESTINATION ${LAMINA_CMAKE_DIR})

# lamina.pc locates the prefix from its own directory, so an installed tree can move.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(LAMINA_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(LAMINA_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  string(REGEX REPLACE "[^/]+" ".." LAMINA_PC_UP "${CMAKE_INSTALL_LIBDIR}/pkgconfig")  # lib/pkgconfig → ../..
  set(LAMINA_PC_PREFIX "\${pcfiledir}/${LAMINA_PC_UP}")
  set(LAMINA_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(LAMINA_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(LAMINA_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file(${CMAKE_CURRENT_LIST_DIR}/lamina.pc.in ${PROJECT_BINARY_DIR}/lamina.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/lamina.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
