#include "application.h"

int main(int argc, char** argv) {
    return hntt::runApplication(argc, argv);
}
